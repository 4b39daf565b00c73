import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ChangelogGitHubKit } from './support/changelog-github-kit.js';
import { openPullRequest } from '../../fake-github/control/pull-ops.js';
import { createPlainIssue } from '../../fake-github/control/repo-ops.js';
import { buildRepository, removeTempDirs } from '../changelog/support/build-repository.js';
import type { HistoryStep } from '../changelog/support/history-fixture.js';

const main = fileURLToPath(new URL('../../../src/cli/main.ts', import.meta.url));
// Resolved here: the child runs in a temporary repository, outside this package.
const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

/** `sluice changelog` as its own process (through tsx), so its terminal output is all there. */
function sluiceChangelog(cwd: string, env: Record<string, string>) {
  const script = `import { runCli } from ${JSON.stringify(main)};
process.exitCode = await runCli(process.argv.slice(1), {
  stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env,
});`;
  const { GITHUB_TOKEN: _t, GH_TOKEN: _g, GITHUB_API_URL: _u, ...inherited } = process.env;
  const child = spawn(
    process.execPath,
    ['--import', tsx, '--input-type=module', '-e', script, 'changelog'],
    { cwd, env: { ...inherited, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
  // Asynchronous on purpose: the stand-in answering the child lives in this process.
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    child.on('close', (code) =>
      resolve({
        code,
        stdout: Buffer.concat(out).toString(),
        stderr: Buffer.concat(err).toString(),
      }),
    );
  });
}

const commit = (message: string): HistoryStep => ({ kind: 'commit', label: undefined, message });

describe('sluice changelog with a token, against the local GitHub', () => {
  let kit: ChangelogGitHubKit;
  beforeAll(async () => {
    kit = await ChangelogGitHubKit.start();
    await openPullRequest(kit.gh.services, {
      repo: kit.repo,
      author: 'maintainer',
      branch: 'feature/csv',
      title: 'feat(export): CSV export',
      commits: [{ message: 'Add CSV export', files: { 'csv.ts': 'export {};\n' } }],
    });
    await createPlainIssue(kit.gh.services, {
      repo: kit.repo,
      title: 'fix: crash on empty input',
      by: 'bob',
    });
  });
  afterAll(async () => {
    removeTempDirs();
    await kit.close();
  });

  it('names bare ids from their titles, keeps a missing one as (#id), and prints only warnings', async () => {
    const { dir } = buildRepository([
      commit('chore: initial'),
      { kind: 'tag', name: 'v1.0.0' },
      commit('sluice: merge 1'),
      commit('sluice: merge 2'),
      commit('sluice: merge 99'),
    ]);
    const since = kit.requestCount;
    const result = await sluiceChangelog(dir, {
      GITHUB_TOKEN: kit.personalToken(),
      GITHUB_API_URL: kit.gh.apiUrl,
      GITHUB_REPOSITORY: 'acme/widgets',
    });
    expect(result.stdout).toContain('- CSV export (#1)');
    expect(result.stdout).toContain('- Crash on empty input (#2)');
    expect(result.stdout).toContain('- (#99)');
    expect(result.stderr).toContain(
      'warning: title of #99 could not be fetched (not found); listed as "(#99)".\n',
    );
    // Nothing but the command's own warnings: no request log lines from Octokit.
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines.filter((line) => !line.startsWith('warning: '))).toEqual([]);
    expect(result.code).toBe(0);
    expect(kit.callsSince(since).sort()).toEqual([
      'issues/get 200',
      'issues/get 200',
      'issues/get 404',
    ]);
    kit.gh.assertClean();
  });
});
