/**
 * Reading batches, chains and probes off the local GitHub: the commits of a staging branch,
 * what the `Sluice` check run of a PR said over time, and stepping one staging's CI.
 */
import { checkRunWritesIn } from './check-run-writes.js';
import type { Scenario } from './scenario.js';
import { branchSha, openPull } from './pulls.js';

export interface StagedCommit {
  sha: string;
  parents: string[];
  tree: string;
  subject: string;
  /** The `Sluice-PR` trailer: the PR this squash commit is. */
  pr: number | undefined;
  /** A probe's one commit holds every PR it tests (its `Sluice-Probe` trailer). */
  probePrs: number[];
}

const prTrailer = /^Sluice-PR: (\d+)$/m;
const probeTrailer = /^Sluice-Probe: ([\d, ]+)$/m;

async function readStaged(s: Scenario, sha: string): Promise<StagedCommit> {
  const commit = await s.repo.git.readCommit(sha);
  if (!commit) throw new Error(`no commit ${sha}`);
  const match = prTrailer.exec(commit.message);
  return {
    sha,
    parents: commit.parents,
    tree: commit.tree,
    subject: commit.message.split('\n')[0]!,
    pr: match ? Number(match[1]) : undefined,
    probePrs: (probeTrailer.exec(commit.message)?.[1] ?? '')
      .split(',')
      .filter((n) => n.trim() !== '')
      .map(Number),
  };
}

/** The commits of `tipSha` that `base` (default: `main` now) does not have, oldest first. */
export async function commitsOver(
  s: Scenario,
  tipSha: string,
  base?: string,
): Promise<StagedCommit[]> {
  const baseSha = base ?? (await branchSha(s, 'main'));
  const shas = await s.repo.git.listCommitShas({
    head: tipSha,
    ...(baseSha ? { base: baseSha } : {}),
    order: 'oldest-first',
  });
  return Promise.all(shas.map((sha) => readStaged(s, sha)));
}

/** A staging branch: its tip, and the squash commits on top of `main` it holds (the chain under it too). */
export async function stagingOf(s: Scenario, n: number) {
  const tip = await branchSha(s, `sluice/staging/main/${n}`);
  if (!tip) return undefined;
  const commits = await commitsOver(s, tip);
  const prs = commits.flatMap((c) => (c.pr === undefined ? c.probePrs : [c.pr]));
  return { branch: `sluice/staging/main/${n}`, tip, commits, prs };
}

/** Every `sluice/staging/main/<n>` branch that exists now, by n. */
export async function stagingBranches(s: Scenario) {
  const refs = await s.repo.git.listRefs('refs/heads/sluice/staging/main/');
  const numbers = refs
    .map((r) => Number(/\/(\d+)$/.exec(r.ref)?.[1]))
    .filter((n) => Number.isInteger(n))
    .sort((a, b) => a - b);
  const found = [];
  for (const n of numbers) {
    const staging = await stagingOf(s, n);
    if (staging) found.push({ n, ...staging });
  }
  return found;
}

/** Every title and summary the `Sluice` check run on `head` was created or updated with, in order. */
export function sluiceSaid(s: Scenario, head: string): { title: string; summary: string }[] {
  const ids = new Set(
    s.repo
      .checkRuns(head)
      .filter((c) => c.name === 'Sluice')
      .map((c) => c.id),
  );
  return checkRunWritesIn(s.gh.world.requests)
    .filter((w) =>
      w.kind === 'create'
        ? w.headSha === head && w.name === 'Sluice'
        : w.runId !== undefined && ids.has(w.runId),
    )
    .flatMap((w) => (w.title ? [{ title: w.title, summary: w.summary ?? '' }] : []));
}

/** Titles only, for `toContainEqual(expect.stringMatching(…))`. */
export function sluiceTitles(s: Scenario, head: string): string[] {
  return sluiceSaid(s, head).map((x) => x.title);
}

/**
 * Finishes the CI of one commit (its jobs, as they start: `test` waits for `build`), with their
 * scripted outcomes, without touching any other staging's CI. Does not settle the app.
 */
export async function finishCiOf(s: Scenario, sha: string): Promise<void> {
  for (;;) {
    const finished = await s.repo.completeCi({ sha });
    if (finished.length > 0) continue;
    const left = s.repo.pendingCi().filter((w) => w.sha === sha);
    if (left.length === 0) return;
    throw new Error(`CI of ${sha} waits for a runner: ${JSON.stringify(left)}`);
  }
}

/** Opens one PR per entry (title `feat: add <name>`), each writing `src/<name>.ts`. */
export async function openPulls(
  s: Scenario,
  changes: { name: string; content?: string; files?: Record<string, string> }[],
) {
  const prs = [];
  for (const c of changes)
    prs.push({
      name: c.name,
      ...(await openPull(s, {
        title: `feat: add ${c.name}`,
        files: c.files ?? { [`src/${c.name}.ts`]: c.content ?? `export const ${c.name} = 1;\n` },
      })),
    });
  return prs;
}

/** The `main` commits since `since`, oldest first. */
export async function mainSince(s: Scenario, since: string): Promise<StagedCommit[]> {
  const main = await branchSha(s, 'main');
  return commitsOver(s, main!, since);
}

/** The calls of one operation in the stand-in's request log. */
export function callsOf(s: Scenario, operationId: string) {
  return s.gh.world.requests.filter((r) => r.operationId === operationId);
}

/**
 * Keeps the queue busy with one PR (`zero`) under test, so PRs labeled meanwhile wait and then
 * go together, as they do when people queue while CI runs. `land()` passes and lands it.
 */
export async function busyQueue(s: Scenario) {
  const [zero] = await openPulls(s, [{ name: 'zero' }]);
  await s.repo.label(zero!.number, 'merge-queue', 'maintainer');
  await s.settle();
  const tip = await branchSha(s, 'sluice/staging/main/1');
  if (!tip) throw new Error(`#${zero!.number} was not staged:\n${s.app.tail()}`);
  return {
    pr: zero!,
    tip,
    land: async () => {
      await finishCiOf(s, tip);
      await s.settle();
      const main = await branchSha(s, 'main');
      if (main !== tip) throw new Error(`#${zero!.number} did not land:\n${s.app.tail()}`);
      return main;
    },
  };
}

/** A file's text on a branch, or undefined. */
export async function fileOn(s: Scenario, branch: string, path: string) {
  const file = await s.repo.git.readFile(`refs/heads/${branch}`, path);
  return file?.content.toString('utf8');
}
