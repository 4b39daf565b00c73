import { pullsOf } from './landing-scenario.js';
import type { ChaosWorld } from './start-chaos-world.js';
import type { ScenarioLedger } from './scenario-ledger.js';
import type { FaultPlan } from './fault-plan.js';
import type { SeededRandom } from './seeded-random.js';
import { describeWrite, isAppWrite } from './request-watch.js';
import { initialConfig, initialRequiredChecks } from './landing-scenario.js';

/** The landing writes a contributor's push can race: atomic `updateRefs`, or the merge API. */
const landingOps = ['graphql-mutation/updateRefs', 'pulls/merge'];

/** The replica that logged last: with three doing the same work, the likeliest lease holder. */
function busiestReplica(world: ChaosWorld): number {
  let best = 0;
  let bestTime = -1;
  world.replicas.forEach((app, index) => {
    if (!world.alive(index)) return;
    const time = Number((/"time":(\d+)/.exec(app.log.at(-1) ?? '') ?? [])[1] ?? 0);
    if (time > bestTime) [best, bestTime] = [index, time];
  });
  return best;
}

/** Kills a replica right after the request is logged: the write is done, its answer not yet read. */
function killAfter(
  world: ChaosWorld,
  ledger: ScenarioLedger,
  count: number,
  counts: (entry: Parameters<typeof isAppWrite>[0]) => boolean,
  pickReplica: () => number,
): void {
  let seen = 0;
  world.onRequest((entry) => {
    if (!counts(entry) || ++seen !== count) return;
    const replica = pickReplica();
    ledger.recordFault(`SIGKILL replica ${replica} after ${describeWrite(entry)} (#${count})`);
    void world.kill(replica);
  });
}

async function landingPull(world: ChaosWorld): Promise<number | undefined> {
  const refs = await world.repo.git.listRefs('refs/heads/sluice/staging/main/');
  const ordered = refs
    .map((r) => ({ sha: r.sha, n: Number(/\/(\d+)$/.exec(r.ref)?.[1]) }))
    .filter((r) => Number.isInteger(r.n))
    .sort((a, b) => a.n - b.n);
  const main = await world.repo.git.resolveRef('refs/heads/main');
  for (const { sha } of ordered) {
    const shas = await world.repo.git.listCommitShas({
      head: sha,
      ...(main ? { base: main } : {}),
      order: 'oldest-first',
    });
    for (const commit of shas) {
      const [pr] = pullsOf((await world.repo.git.readCommit(commit))?.message ?? '');
      if (pr !== undefined && !world.repo.pull(pr).merged) return pr;
    }
  }
  return undefined;
}

function pushDuringLanding(world: ChaosWorld, ledger: ScenarioLedger): void {
  let pushed = false;
  const act = async () => {
    if (pushed) return;
    // The PR being landed: the oldest unmerged one in the chain's front staging (the lowest
    // `sluice/staging/main/<n>` whose commits are not all on main).
    const number = await landingPull(world);
    const pull = ledger.pulls.find((p) => p.number === number);
    if (number === undefined || !pull) return;
    pushed = true;
    const files = { [`src/late-${number}.ts`]: `export const late${number} = true;\n` };
    const sha = await world.repo.pushToPullRequest(number, {
      commits: [{ message: `late fix for #${number}`, files }],
    });
    pull.commits.push({ sha, files });
    pull.pushedDuringLanding = true;
    ledger.recordFault(`contributor pushed ${sha.slice(0, 7)} to #${number} during landing`);
  };
  for (const op of landingOps) world.gh.races.add(op, act, 1);
}

function changePolicyAfterFirstLanding(
  world: ChaosWorld,
  ledger: ScenarioLedger,
  what: 'config' | 'protection',
): void {
  let changed = false;
  world.gh.refs.subscribe(async ({ changes, pusher }) => {
    const landed = changes.some((c) => c.ref === 'refs/heads/main');
    if (changed || !landed || !pusher.login.endsWith('[bot]')) return;
    changed = true;
    const required = [...initialRequiredChecks, 'lint'];
    // Inside the landing request's handler: the change happens before the app hears back.
    await world.gh.webhooks.outsideRequest(async () => {
      if (what === 'config') {
        world.gh.deliveries.addChaos({ event: 'push', times: 1, effect: { kind: 'drop' } });
        await world.repo.push({
          branch: 'main',
          files: { '.github/sluice.yml': `${initialConfig}checks:\n  required: [lint]\n` },
          message: 'ci: require lint',
          by: 'maintainer',
        });
      } else {
        world.repo.protect('main', { requiredChecks: required });
      }
    });
    ledger.changePolicy(required, `${what} requires lint`);
    ledger.recordFault(`policy change: ${what} requires lint`);
  });
}

/**
 * Arms a run's faults before the scenario starts. Returns what ends them: the campaign stops
 * injecting after a few rounds and lets the queue finish.
 */
export function injectFaults(
  world: ChaosWorld,
  ledger: ScenarioLedger,
  fault: FaultPlan,
  random: SeededRandom,
): { stop: () => void } {
  const stop = () => {
    world.gh.faults.clear();
    world.gh.deliveries.clearChaos();
  };
  switch (fault.kind) {
    case 'none':
      break;
    case 'kill-after-write':
      killAfter(world, ledger, fault.write, isAppWrite, () => 0);
      break;
    case 'kill-after-request':
      killAfter(
        world,
        ledger,
        fault.request,
        (e) => e.caller.startsWith('installation:'),
        () => 0,
      );
      break;
    case 'webhook-chaos':
      // Rules are consumed one per delivery, in order: a seeded fate for each of the first 2,000.
      for (let i = 0; i < 2000; i++) {
        const drop = random.chance(fault.dropRate);
        world.gh.deliveries.addChaos({
          times: 1,
          effect: drop ? { kind: 'drop' } : { kind: 'duplicate' },
        });
      }
      ledger.recordFault(`webhook chaos (${fault.dropRate * 100} % dropped, rest duplicated)`);
      break;
    case 'api-5xx':
      for (const f of fault.faults) {
        world.gh.faults.add({ op: f.op, when: f.when, status: f.status, times: 1 });
        ledger.recordFault(`${f.status} ${f.when} ${f.op}`);
      }
      break;
    case 'push-during-landing':
      pushDuringLanding(world, ledger);
      break;
    case 'policy-change':
      changePolicyAfterFirstLanding(world, ledger, fault.what);
      break;
    case 'replicas':
      killAfter(world, ledger, fault.killAfterWrite, isAppWrite, () => busiestReplica(world));
      break;
  }
  return { stop };
}
