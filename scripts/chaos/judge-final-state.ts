import type { ChaosWorld } from './start-chaos-world.js';
import type { ScenarioLedger, TrackedPull } from './scenario-ledger.js';
import { landedComment, queueLabel } from './landing-scenario.js';

/** Violations by kind: every one is a broken promise of Sluice's, with a line in `problems`. */
export interface Verdict {
  pulls: number;
  /** PRs that should merge: CI passes and nobody pushed to them during landing. */
  clean: number;
  cleanMergedOnce: number;
  mergedOnce: number;
  doubleMerges: number;
  /** A clean PR not merged, or a PR left in the queue without an outcome. */
  lostOrStuck: number;
  untestedOnBase: number;
  contributorCommitsLost: number;
  notificationsWrong: number;
  problems: string[];
}

export const emptyVerdict = (): Verdict => ({
  pulls: 0,
  clean: 0,
  cleanMergedOnce: 0,
  mergedOnce: 0,
  doubleMerges: 0,
  lostOrStuck: 0,
  untestedOnBase: 0,
  contributorCommitsLost: 0,
  notificationsWrong: 0,
  problems: [],
});

const landedText = /Landed as|merged into .* outside the queue/;
// The title of the `Sluice` check run on a merged PR (src/messages/queue-merged.ts).
const landedTitle = /^Landed on |^Merged into .* outside the queue$/;
const squashOf = (number: number) =>
  new RegExp(`Sluice-PR: ${number}\\b|\\(#${number}\\)\\s*$`, 'm');

/**
 * The oracle. It reads only the stand-in's final state (refs, commits, PRs, comments, labels,
 * check runs) plus the ledger of what the campaign itself did (commits pushed, policy changes,
 * base moves in order), never the app's store or log.
 */
export async function judgeFinalState(world: ChaosWorld, ledger: ScenarioLedger): Promise<Verdict> {
  const verdict = emptyVerdict();
  const { repo } = world;
  const fail = (
    kind: keyof Omit<Verdict, 'problems' | 'pulls' | 'clean' | 'cleanMergedOnce' | 'mergedOnce'>,
    text: string,
  ) => {
    verdict[kind]++;
    verdict.problems.push(`${kind}: ${text}`);
  };
  const base = await repo.git.listCommits({ head: 'refs/heads/main', order: 'oldest-first' });
  await judgeBase(world, ledger, fail);
  for (const pull of ledger.pulls) {
    verdict.pulls++;
    const pr = repo.pull(pull.number);
    const squashes = base.filter((c) => squashOf(pull.number).test(c.message));
    const clean = pull.failing === null && !pull.pushedDuringLanding;
    if (squashes.length > 1)
      fail('doubleMerges', `#${pull.number} landed ${squashes.length} times`);
    if (clean) verdict.clean++;
    if (pr.merged && squashes.length === 1) verdict.mergedOnce++;
    if (clean && pr.merged && squashes.length === 1) verdict.cleanMergedOnce++;
    if (pr.merged && squashes.length === 0)
      fail('lostOrStuck', `#${pull.number} merged with no squash on main`);
    if (!pr.merged && squashes.length > 0)
      fail('lostOrStuck', `#${pull.number} landed but not marked merged`);
    if (clean && !pr.merged)
      fail('lostOrStuck', `clean #${pull.number} was not merged (${pr.state})`);
    if (!pr.merged && pr.labels.includes(queueLabel))
      fail('lostOrStuck', `#${pull.number} is still labeled ${queueLabel}, no outcome`);
    await judgeContributorCommits(
      world,
      pull,
      pr.merged ? squashes[0]?.sha : undefined,
      pr.head.ref,
      fail,
    );
    judgeNotifications(world, pull, pr.merged, fail);
  }
  return verdict;
}

type Fail = (
  kind:
    | 'doubleMerges'
    | 'lostOrStuck'
    | 'untestedOnBase'
    | 'contributorCommitsLost'
    | 'notificationsWrong',
  text: string,
) => void;

/**
 * Every move the app made of main went to a staging tip whose required checks all passed on
 * that very commit (a batch lands one squash commit per PR, tested together at the tip).
 */
async function judgeBase(world: ChaosWorld, ledger: ScenarioLedger, fail: Fail): Promise<void> {
  for (const move of ledger.baseMoves) {
    if (!move.pusher.endsWith('[bot]')) continue;
    const landed = await world.repo.git.listCommits({ head: move.after, base: move.before });
    const required = ledger.epochs[move.epoch]!.required;
    for (const commit of landed.filter((c) => c.sha === move.after)) {
      const runs = world.repo.checkRuns(commit.sha);
      const missing = required.filter((name) => {
        const newest = runs.find((r) => r.name === name);
        return newest?.status !== 'completed' || newest.conclusion !== 'success';
      });
      if (missing.length > 0)
        fail(
          'untestedOnBase',
          `${commit.sha.slice(0, 7)} "${commit.message.split('\n')[0]}" landed without ${missing.join(', ')} passing (policy: ${ledger.epochs[move.epoch]!.why})`,
        );
    }
  }
}

/**
 * A contributor's commit is kept when the PR merged with its files in the landed squash, or
 * when it did not merge and the commit is still reachable from the PR's head branch.
 */
async function judgeContributorCommits(
  world: ChaosWorld,
  pull: TrackedPull,
  squash: string | undefined,
  headRef: string,
  fail: Fail,
): Promise<void> {
  const git = world.repo.git;
  const head = await git.resolveRef(`refs/heads/${headRef}`);
  for (const commit of pull.commits) {
    const kept = squash
      ? (
          await Promise.all(
            Object.entries(commit.files).map(
              async ([path, text]) =>
                (await git.readFile(squash, path))?.content.toString('utf8') === text,
            ),
          )
        ).every(Boolean)
      : head !== undefined && (await git.isAncestor(commit.sha, head));
    if (!kept)
      fail(
        'contributorCommitsLost',
        `#${pull.number}: ${commit.sha.slice(0, 7)} is ${squash ? 'not in the landed squash' : `not on ${headRef}`}`,
      );
  }
}

/**
 * One outcome comment — for a merged PR only when the config asks for it (`landing.comment`),
 * else none and its `Sluice` check run says it landed — and one completed `Sluice` check run
 * per head.
 */
function judgeNotifications(
  world: ChaosWorld,
  pull: TrackedPull,
  merged: boolean,
  fail: Fail,
): void {
  const bot = world.repo.comments(pull.number).filter((c) => c.user.login.endsWith('[bot]'));
  const landed = bot.filter((c) => landedText.test(c.body)).length;
  const other = bot.length - landed;
  const [told, wrong] = merged ? [landed, other] : [other, landed];
  const what = merged ? 'landed' : 'dequeued';
  if (merged && !landedComment) {
    if (landed > 0)
      fail(
        'notificationsWrong',
        `#${pull.number} landed, told in ${landed} comment(s) though landing.comment is off`,
      );
  } else {
    if (told === 0) fail('notificationsWrong', `#${pull.number} ${what}, no comment says so`);
    if (told > 1) fail('notificationsWrong', `#${pull.number} ${what}, told ${told} times`);
  }
  if (wrong > 0)
    fail('notificationsWrong', `#${pull.number} ${what}, but ${wrong} comment(s) say otherwise`);
  const heads = new Set([pull.queuedHead, ...pull.commits.map((c) => c.sha)]);
  const saysLanded = [...heads].some((sha) =>
    world.repo
      .checkRuns(sha)
      .some(
        (r) =>
          r.name === 'Sluice' &&
          r.conclusion === 'success' &&
          landedTitle.test(r.output.title ?? ''),
      ),
  );
  if (merged && !saysLanded)
    fail('notificationsWrong', `#${pull.number} landed, no Sluice check run says so`);
  for (const sha of heads) {
    const runs = world.repo.checkRuns(sha).filter((r) => r.name === 'Sluice');
    if (sha === pull.queuedHead && runs.length === 0)
      fail('notificationsWrong', `#${pull.number}: no Sluice check run on ${sha.slice(0, 7)}`);
    if (runs.length > 1)
      fail(
        'notificationsWrong',
        `#${pull.number}: ${runs.length} Sluice check runs on ${sha.slice(0, 7)}`,
      );
    for (const run of runs)
      if (run.status !== 'completed')
        fail(
          'notificationsWrong',
          `#${pull.number}: Sluice check run ${run.id} left ${run.status}`,
        );
  }
}
