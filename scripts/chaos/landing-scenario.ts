import type { CiContext, CiScript, JobConclusion } from '../../test/fake-github/ci/types.js';
import type { ChaosWorld } from './start-chaos-world.js';
import type { ScenarioLedger } from './scenario-ledger.js';

export interface PullSpec {
  /** What CI says about it: `test` always fails; `lint` fails once lint is required. */
  failing?: 'test' | 'lint';
}

export interface LandingScenarioSpec {
  pulls: PullSpec[];
}

export const queueLabel = 'merge-queue';
export const initialRequiredChecks = ['build', 'test'];
/**
 * Whether Sluice comments on each PR it lands (`landing.comment`, off by default). On in the
 * campaign: the comment is one more write to be killed after, and the oracle sees each merged
 * PR told exactly once in its conversation. Off, the oracle expects no such comment.
 */
export const landedComment = true;
export const initialConfig = `queue:\n  label: merge-queue\nlanding:\n  comment: ${landedComment}\n`;

/**
 * The PRs a commit holds: the one it lands, from the Sluice trailer (or GitHub's `(#n)`
 * subject), or every PR of a probe's one commit (`Sluice-Probe: 4, 5`).
 */
export function pullsOf(message: string): number[] {
  const probe = /^Sluice-Probe: ([\d, ]+)$/m.exec(message);
  if (probe)
    return probe[1]!
      .split(',')
      .filter((n) => n.trim() !== '')
      .map(Number);
  const found = /Sluice-PR: (\d+)/.exec(message) ?? /\(#(\d+)\)\s*$/m.exec(message);
  return found ? [Number(found[1])] : [];
}

/**
 * Every PR a staging tip holds that is not on the base yet: a batch or a chain is one squash
 * commit per PR (a probe one commit naming them all), so walk back from the tip until a
 * commit the base already has.
 */
async function stagedPulls(world: ChaosWorld, sha: string): Promise<number[]> {
  const base = await world.repo.git.resolveRef('refs/heads/main');
  const pulls: number[] = [];
  let at: string | undefined = sha;
  for (let depth = 0; at && depth < 256; depth++) {
    if (base && (await world.repo.git.isAncestor(at, base))) break;
    const commit = await world.repo.git.readCommit(at);
    pulls.push(...pullsOf(commit?.message ?? ''));
    at = commit?.parents[0];
  }
  return pulls;
}

/** A check fails on any tree that holds a PR broken for it, as a real test would. */
function verdict(world: ChaosWorld, failing: Set<number>) {
  return async (ctx: CiContext): Promise<JobConclusion> => {
    const pulls = await stagedPulls(world, ctx.sha);
    return pulls.some((pr) => failing.has(pr)) ? 'failure' : 'success';
  };
}

/** CI on staging branches only: `build`, `test` and `lint`, stepped by the campaign. */
function stagingCi(world: ChaosWorld, failTest: Set<number>, failLint: Set<number>): CiScript {
  return {
    mode: 'manual',
    workflows: [
      {
        name: 'CI',
        file: '.github/workflows/ci.yml',
        on: { push: ['sluice/staging/**'] },
        jobs: [
          { name: 'build' },
          { name: 'test', outcome: verdict(world, failTest) },
          { name: 'lint', outcome: verdict(world, failLint) },
        ],
      },
    ],
  };
}

/**
 * The landing scenario: PRs each adding files of their own, all labeled at once, CI on the
 * staging branch. Every base move is written to the ledger with the policy then in force.
 */
export async function startLandingScenario(
  world: ChaosWorld,
  spec: LandingScenarioSpec,
  ledger: ScenarioLedger,
): Promise<void> {
  const failTest = new Set<number>();
  const failLint = new Set<number>();
  world.repo.scriptCi(stagingCi(world, failTest, failLint));
  world.gh.refs.subscribe(({ repo, changes, pusher }) => {
    if (repo.fullName !== world.repo.fullName) return Promise.resolve();
    for (const change of changes)
      if (change.ref === 'refs/heads/main')
        ledger.recordBaseMove({ before: change.before, after: change.after, pusher: pusher.login });
    return Promise.resolve();
  });
  for (const [index, pull] of spec.pulls.entries()) {
    const branch = `feature/change-${index + 1}`;
    const files = { [`src/change-${index + 1}.ts`]: `export const change${index + 1} = 1;\n` };
    const opened = await world.repo.openPullRequest({
      author: index % 2 === 0 ? 'alice' : 'bob',
      branch,
      title: `feat: change ${index + 1}`,
      commits: [{ message: `change ${index + 1}`, files }],
    });
    if (pull.failing === 'test') failTest.add(opened.number);
    if (pull.failing === 'lint') failLint.add(opened.number);
    ledger.pulls.push({
      number: opened.number,
      branch,
      failing: pull.failing ?? null,
      queuedHead: opened.pull.headSha,
      commits: [{ sha: opened.pull.headSha, files }],
      pushedDuringLanding: false,
    });
  }
  for (const pull of ledger.pulls) await world.repo.label(pull.number, queueLabel, 'maintainer');
}
