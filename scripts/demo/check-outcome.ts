import type { Scenario } from '../../test/e2e/support/scenario.js';
import { commentsOn, sluiceRun } from '../../test/e2e/support/pulls.js';
import { queueLabel, type DemoPull } from './demo-repository.js';
import type { TrackedPull } from './read-pull-state.js';

export interface DemoEntry {
  pull: TrackedPull;
  spec: DemoPull;
}

/**
 * What was wrong with the outcome, empty when it is right: the expected PRs landed on main in
 * queue order under Sluice's subjects and nothing else did, the others were dequeued with
 * their label and reason, and the stand-in saw an honest run (no spec violations, failed
 * deliveries or retry storms).
 */
export async function checkOutcome(
  s: Scenario,
  input: { entries: DemoEntry[]; baseBefore: string },
): Promise<string[]> {
  const landed = await s.repo.git.listCommits({
    head: 'refs/heads/main',
    base: input.baseBefore,
    order: 'oldest-first',
  });
  const merging = input.entries.filter((entry) => entry.spec.expect.kind === 'merged');
  const problems = merging.flatMap((entry) => checkLanded(s, entry, landed));
  const inQueueOrder =
    landed.length === merging.length &&
    landed.every((commit, i) => numberIn(commit.message) === merging[i]!.pull.number);
  if (!inQueueOrder)
    problems.push(
      `main gained ${landed.map((c) => describeCommit(c)).join(', ') || 'nothing'}; expected ${merging.map((e) => `#${e.pull.number}`).join(', ')} in that order`,
    );
  for (const entry of input.entries) problems.push(...checkDequeued(s, entry));
  try {
    s.gh.assertClean();
  } catch (error) {
    problems.push(`the local GitHub reports a dishonest run: ${String(error)}`);
  }
  return problems;
}

function checkLanded(
  s: Scenario,
  { pull }: DemoEntry,
  landed: readonly { sha: string; message: string }[],
): string[] {
  const name = `#${pull.number}`;
  const snapshot = s.repo.pull(pull.number);
  if (!snapshot.merged) return [`${name} is not merged`];
  const commit = landed.find((c) => c.sha === snapshot.mergeCommitSha);
  if (commit === undefined)
    return [`${name} is merged as ${snapshot.mergeCommitSha ?? 'nothing'}, which is not on main`];
  const subject = commit.message.split('\n')[0];
  const wanted = `${pull.title} (#${pull.number})`;
  const problems: string[] = [];
  if (subject !== wanted) problems.push(`${name} landed as "${subject}", expected "${wanted}"`);
  if (numberIn(commit.message) !== pull.number)
    problems.push(`${name}'s commit has no "Sluice-PR: ${pull.number}" trailer`);
  // Its check run says where it landed (a comment says it too only with `landing.comment`).
  const told = `Landed on main as ${commit.sha.slice(0, 7)}`;
  const title = sluiceRun(s, pull.head)?.output.title;
  if (title !== told)
    problems.push(`${name}'s Sluice check run says "${title ?? 'nothing'}", expected "${told}"`);
  return problems;
}

function numberIn(message: string): number | undefined {
  const trailer = /^Sluice-PR: (\d+)$/m.exec(message);
  return trailer ? Number(trailer[1]) : undefined;
}

function describeCommit(commit: { sha: string; message: string }): string {
  const number = numberIn(commit.message);
  return number === undefined ? `${commit.sha.slice(0, 7)} (no Sluice-PR trailer)` : `#${number}`;
}

function checkDequeued(s: Scenario, { pull, spec }: DemoEntry): string[] {
  const expect = spec.expect;
  if (expect.kind === 'merged') return [];
  const name = `#${pull.number}`;
  const snapshot = s.repo.pull(pull.number);
  const run = sluiceRun(s, pull.head);
  const problems: string[] = [];
  if (snapshot.merged) problems.push(`${name} was merged, expected it dequeued`);
  if (!snapshot.labels.includes(expect.label))
    problems.push(`${name} lacks the ${expect.label} label (has ${snapshot.labels.join(', ')})`);
  if (snapshot.labels.includes(queueLabel))
    problems.push(`${name} still has the ${queueLabel} label`);
  if (run?.status !== 'completed' || run.conclusion !== 'failure')
    problems.push(`${name}'s Sluice check run is ${run?.status ?? 'missing'}, expected failed`);
  const said = `${run?.output.title}\n${run?.output.summary}\n${commentsOn(s, pull.number)}`;
  if (!said.includes(expect.mentions))
    problems.push(`${name}'s check run and comments do not name ${expect.mentions}`);
  return problems;
}
