import { startChaosWorld, leaseTiming } from './start-chaos-world.js';
import { ScenarioLedger } from './scenario-ledger.js';
import { initialConfig, initialRequiredChecks, startLandingScenario } from './landing-scenario.js';
import { injectFaults } from './inject-faults.js';
import { driveQueueToRest } from './drive-queue-to-rest.js';
import { judgeFinalState, emptyVerdict, type Verdict } from './judge-final-state.js';
import { describeWrite, isAppWrite } from './request-watch.js';
import { seededRandom } from './seeded-random.js';
import type { RunPlan } from './fault-plan.js';

export interface RunResult {
  plan: RunPlan;
  store: 'sqlite' | 'postgres';
  verdict: Verdict;
  /** Faults actually injected (a kill that never came, because the run had fewer writes, is not one). */
  faults: number;
  faultLog: string[];
  /** The app's writes in order, `POST issues/create-comment 201`: the fault-free run's are the kill positions. */
  writes: string[];
  /** All the app's requests (reads too): the range of "random time" kills. */
  requests: number;
  restartToMoving: number[];
  stuck: string | null;
  seconds: number;
}

/** One run: a fresh local GitHub and app, the scenario with this plan's faults, then the oracle. */
export async function runChaosPlan(
  plan: RunPlan,
  options: { log?: (line: string) => void } = {},
): Promise<RunResult> {
  const started = performance.now();
  const random = seededRandom(plan.seed);
  const replicas = plan.fault.kind === 'replicas';
  const store = replicas ? 'postgres' : 'sqlite';
  const world = await startChaosWorld({
    replicas: replicas ? 3 : 1,
    store,
    files: { 'README.md': '# widgets\n', '.github/sluice.yml': initialConfig },
    requiredChecks: initialRequiredChecks,
    ...(plan.fault.kind === 'webhook-chaos' ? { reorder: random } : {}),
  });
  const writes: string[] = [];
  let requests = 0;
  world.onRequest((entry) => {
    if (entry.caller.startsWith('installation:')) requests++;
    if (isAppWrite(entry)) writes.push(describeWrite(entry));
  });
  const ledger = new ScenarioLedger(initialRequiredChecks);
  try {
    const faults = injectFaults(world, ledger, plan.fault, random);
    await startLandingScenario(world, plan.scenario, ledger);
    const drive = await driveQueueToRest(world, ledger, {
      faultRounds: 3,
      endFaults: faults.stop,
      // A killed replica comes back under its own name (host and port) and takes its leases
      // back at once; the others would wait out the TTL.
      restartKilled: true,
      idlePauseMs: replicas ? leaseTiming.renewMs : 0,
      maxIdleRounds: replicas ? 8 : 5,
      ...(options.log ? { log: options.log } : {}),
    });
    const verdict = await judgeFinalState(world, ledger);
    if (drive.stuck) verdict.problems.push(`stuck: ${drive.stuck}`);
    const chaos = world.gh.deliveries.records.filter((r) => r.state === 'dropped' || r.redelivery);
    return {
      plan,
      store,
      verdict,
      faults: ledger.faults.length + (plan.fault.kind === 'webhook-chaos' ? chaos.length : 0),
      faultLog: ledger.faults,
      writes,
      requests,
      restartToMoving: drive.restartToMoving,
      stuck: drive.stuck,
      seconds: (performance.now() - started) / 1000,
    };
  } catch (error) {
    const verdict = emptyVerdict();
    verdict.lostOrStuck++;
    verdict.problems.push(
      `the run broke: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    return {
      plan,
      store,
      verdict,
      faults: ledger.faults.length,
      faultLog: ledger.faults,
      writes,
      requests,
      restartToMoving: [],
      stuck: 'the run broke',
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await world.stop();
  }
}
