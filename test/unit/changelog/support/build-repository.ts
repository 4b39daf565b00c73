import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HistoryStep } from './history-fixture.js';

/** Fixed identity and clock: the same fixture always yields the same hashes. */
function gitEnv(tick: number): NodeJS.ProcessEnv {
  const date = `${1_700_000_000 + tick * 60} +0000`;
  return {
    ...process.env,
    GIT_AUTHOR_NAME: 'Mona',
    GIT_AUTHOR_EMAIL: 'mona@example.com',
    GIT_COMMITTER_NAME: 'Mona',
    GIT_COMMITTER_EMAIL: 'mona@example.com',
    GIT_AUTHOR_DATE: date,
    GIT_COMMITTER_DATE: date,
    GIT_CONFIG_NOSYSTEM: '1',
  };
}

export function git(dir: string, args: string[], input?: string, tick = 0): string {
  return execFileSync('git', args, { cwd: dir, input, env: gitEnv(tick), encoding: 'utf8' }).trim();
}

const made: string[] = [];

export function makeTempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `sluice-${prefix}-`));
  made.push(dir);
  return dir;
}

/** For `afterAll`: the repositories of one test file, gone. */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/**
 * A bare-bones repository holding the fixture's history, built with plumbing (one
 * `commit-tree` per commit, all with the empty tree) because it is fast and exact.
 */
export function buildRepository(steps: readonly HistoryStep[], dir = makeTempDir('history')) {
  git(dir, ['init', '--quiet', '--initial-branch=main']);
  const tree = git(dir, ['hash-object', '-t', 'tree', '-w', '--stdin'], '');
  const shas = new Map<string, string>();
  const heads = new Map<string, string>();
  let branch = 'main';
  let tick = 0;
  const commit = (message: string, parents: string[], label: string | undefined) => {
    const text = message.replace(/\{sha:([\w-]+)\}/g, (_m, name: string) => shas.get(name) ?? name);
    const args = ['commit-tree', tree, ...parents.flatMap((p) => ['-p', p])];
    const sha = git(dir, args, `${text}\n`, tick++);
    if (label) shas.set(label, sha);
    return sha;
  };
  for (const step of steps) {
    const tip = heads.get(branch);
    if (step.kind === 'commit')
      heads.set(branch, commit(step.message, tip ? [tip] : [], step.label));
    else if (step.kind === 'merge') {
      const side = heads.get(step.branch);
      const main = heads.get('main');
      if (!side || !main) throw new Error(`cannot merge ${step.branch}`);
      heads.set('main', commit(step.message, [main, side], step.label));
    } else if (step.kind === 'branch') {
      branch = step.name;
      if (!heads.has(branch)) heads.set(branch, heads.get('main') ?? '');
    } else if (step.kind === 'main') branch = 'main';
    else git(dir, ['tag', step.name, heads.get('main') ?? '']);
  }
  for (const [name, sha] of heads) git(dir, ['update-ref', `refs/heads/${name}`, sha]);
  git(dir, ['symbolic-ref', 'HEAD', 'refs/heads/main']);
  return { dir, shas };
}
