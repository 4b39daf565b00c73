/**
 * What a correct queue must have done, read from the stand-in: exactly the good PRs landed,
 * each once as its own commit, in queue order; every broken PR dequeued for its tests; the base
 * at a commit whose required check passed; and no protocol violation or retry storm.
 */
import type { Scenario } from '../test/e2e/support/scenario.js';
import { sluiceRun } from '../test/e2e/support/pulls.js';
import { queueLabel } from './throughput-drive.js';

export interface Outcome {
  /** PR numbers in the order their commits are on the base. */
  landed: number[];
  merged: number[];
  dequeued: { pr: number; labels: string[]; sluiceCheck: string | null }[];
  /** Empty for a correct run. */
  problems: string[];
}

const subjectOf = (message: string) => message.split('\n')[0] ?? '';

export async function checkOutcome(
  s: Scenario,
  numbers: number[],
  failing: readonly number[],
): Promise<Outcome> {
  const problems: string[] = [];
  const good = numbers.filter((n) => !failing.includes(n));
  const bad = numbers.filter((n) => failing.includes(n));
  const history = await s.repo.git.listCommits({ head: 'refs/heads/main', order: 'oldest-first' });
  const landed: number[] = [];
  for (const commit of history.slice(1)) {
    const subject = subjectOf(commit.message);
    const match = /^feat: add module (\d+) \(#(\d+)\)$/.exec(subject);
    if (!match || match[1] !== match[2]) problems.push(`unexpected commit on main: "${subject}"`);
    else landed.push(Number(match[2]));
    if (commit.parents.length !== 1) problems.push(`${commit.sha} on main is a merge commit`);
  }
  const twice = landed.filter((n, i) => landed.indexOf(n) !== i);
  if (twice.length > 0) problems.push(`landed more than once: #${[...new Set(twice)].join(', #')}`);
  const missing = good.filter((n) => !landed.includes(n));
  if (missing.length > 0) problems.push(`good PRs not landed: #${missing.join(', #')}`);
  const wrong = landed.filter((n) => failing.includes(n));
  if (wrong.length > 0) problems.push(`broken PRs landed: #${wrong.join(', #')}`);
  const disorder = landed.findIndex((n, i) => i > 0 && n < landed[i - 1]!);
  if (disorder > 0)
    problems.push(`#${landed[disorder]} landed after #${landed[disorder - 1]}: out of queue order`);

  const merged = numbers.filter((n) => s.repo.pull(n).merged);
  const notMerged = good.filter((n) => !merged.includes(n));
  if (notMerged.length > 0) problems.push(`GitHub does not show merged: #${notMerged.join(', #')}`);

  const dequeued = bad.map((pr) => {
    const pull = s.repo.pull(pr);
    const run = sluiceRun(s, pull.head.sha);
    const sluiceCheck = run ? `${run.status}/${run.conclusion}: ${run.output.title}` : null;
    if (pull.merged || pull.state !== 'open') problems.push(`broken #${pr} is ${pull.state}`);
    if (pull.labels.includes(queueLabel)) problems.push(`broken #${pr} still has ${queueLabel}`);
    if (!pull.labels.includes('sluice:test'))
      problems.push(
        `broken #${pr} lacks sluice:test (labels: ${pull.labels.join(', ') || 'none'})`,
      );
    const others = pull.labels.filter((l) => l.startsWith('sluice:') && l !== 'sluice:test');
    if (others.length > 0) problems.push(`broken #${pr} also has ${others.join(', ')}`);
    if (run?.conclusion !== 'failure')
      problems.push(`broken #${pr}'s Sluice check: ${sluiceCheck}`);
    return { pr, labels: pull.labels, sluiceCheck };
  });

  const tip = await s.repo.git.resolveRef('refs/heads/main');
  const test = s.repo.checkRuns(tip!).find((c) => c.name === 'test');
  if (test?.conclusion !== 'success')
    problems.push(
      `main (${tip}) is not a commit whose test passed (${test?.conclusion ?? 'no test run'})`,
    );
  try {
    s.gh.assertClean();
  } catch (error) {
    problems.push(`assertClean: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { landed, merged, dequeued, problems };
}
