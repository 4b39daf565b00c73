/**
 * The runner's own lines around the steps of every job (set-up, checkout, post-job
 * cleanup), after the shape of real downloaded logs. Only what varies per job is filled in.
 */
import type { LogWriter } from './log-writer.js';

export interface RunnerLogInput {
  /** `owner/name` */
  repo: string;
  job: string;
  sha: string;
  ref: string;
}

function workspace(repo: string): string {
  const name = repo.split('/')[1] ?? repo;
  return `/home/runner/work/${name}/${name}`;
}

/** A stable pseudo-uuid from the commit, for the runner's temp directories. */
function tempId(sha: string): string {
  return `${sha.slice(0, 8)}-${sha.slice(8, 12)}-4${sha.slice(13, 16)}-a${sha.slice(17, 20)}-${sha.slice(20, 32)}`;
}

export function writeSetUpJob(log: LogWriter, input: RunnerLogInput): void {
  log.line(`Current runner version: '2.325.0'`);
  for (const [group, lines] of [
    ['Runner Image Provisioner', ['Hosted Compute Agent', 'Version: 20251224.372']],
    ['Operating System', ['Ubuntu', '24.04.1', 'LTS']],
    ['Runner Image', ['Image: ubuntu-24.04', 'Version: 20251224.2.0']],
    ['GITHUB_TOKEN Permissions', ['Contents: read', 'Metadata: read']],
  ] as const) {
    log.line(`##[group]${group}`);
    for (const line of lines) log.line(line);
    log.line('##[endgroup]');
  }
  log
    .line('Secret source: Actions')
    .line('Prepare workflow directory')
    .line('Prepare all required actions')
    .line('Getting action download info');
  log
    .line(`##[group]Download immutable action package 'actions/checkout@v4'`)
    .line('Version: 4.2.2')
    .line('##[endgroup]');
  log.line(`Complete job name: ${input.job}`);
}

export function writeCheckout(log: LogWriter, input: RunnerLogInput): void {
  const dir = workspace(input.repo);
  const remote = input.ref
    .replace(/^refs\/heads\//, 'refs/remotes/origin/')
    .replace(/^refs\/pull\//, 'refs/remotes/pull/');
  log
    .line('##[group]Run actions/checkout@v4')
    .line('with:')
    .line(`  repository: ${input.repo}`)
    .line('  token: ***')
    .line('  fetch-depth: 1')
    .line('##[endgroup]');
  log.line(`Syncing repository: ${input.repo}`);
  log
    .line('##[group]Getting Git version info')
    .line(`Working directory is '${dir}'`)
    .line('[command]/usr/bin/git version')
    .line('git version 2.49.0')
    .line('##[endgroup]');
  log.line('##[group]Fetching the repository');
  log.line(
    `[command]/usr/bin/git -c protocol.version=2 fetch --no-tags --prune --no-recurse-submodules --depth=1 origin +${input.sha}:${remote}`,
  );
  log.line('##[endgroup]');
  log
    .line('##[group]Checking out the ref')
    .line(`[command]/usr/bin/git checkout --progress --force ${remote}`)
    .line('##[endgroup]');
  log.line('[command]/usr/bin/git log -1 --format=%H').line(input.sha);
}

/** `##[group]Run <command>`, the script echoed in cyan, the shell line. */
export function writeRunHeader(log: LogWriter, command: string): void {
  const lines = command.split('\n');
  log.line(`##[group]Run ${lines[0] ?? ''}`);
  for (const line of lines) log.line(`\u001b[36;1m${line}\u001b[0m`);
  log.line('shell: /usr/bin/bash -e {0}').line('##[endgroup]');
}

export function writePostJob(log: LogWriter, input: RunnerLogInput): void {
  const dir = workspace(input.repo);
  log.line('Post job cleanup.').line('[command]/usr/bin/git version').line('git version 2.49.0');
  log.line(
    `Temporarily overriding HOME='/home/runner/work/_temp/${tempId(input.sha)}' before making global git config changes`,
  );
  log.line('Adding repository directory to the temporary git global config as a safe directory');
  log.line(`[command]/usr/bin/git config --global --add safe.directory ${dir}`);
  log.line('[command]/usr/bin/git config --local --name-only --get-regexp core\\.sshCommand');
  log.line('[command]/usr/bin/git config --local --unset-all http.https://github.com/.extraheader');
  log.line('Cleaning up orphan processes');
}

/** A hosted runner's id, stable per job; GitHub names the machine `GitHub Actions <id>`. */
export function runnerId(jobId: number): number {
  return 1_000_000_000 + (jobId % 1_000_000);
}

export function runnerName(jobId: number): string {
  return `GitHub Actions ${runnerId(jobId)}`;
}
