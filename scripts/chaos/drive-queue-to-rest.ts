import type { ChaosWorld } from './start-chaos-world.js';
import type { ScenarioLedger } from './scenario-ledger.js';
import { isAppWrite } from './request-watch.js';
import { queueLabel } from './landing-scenario.js';

export interface DriveOptions {
  /** Rounds with faults armed; then `endFaults` runs and the queue is let finish. */
  faultRounds: number;
  endFaults(): void;
  /** Restart a killed replica (one process); with several, the others carry on. */
  restartKilled: boolean;
  /**
   * Real time to let pass in a round where nothing moved: a PostgreSQL lease expires by the
   * database's clock, which the app's test clock does not move. Zero for SQLite.
   */
  idlePauseMs: number;
  /** Rounds in a row in which nothing moved before the queue is called stuck. */
  maxIdleRounds: number;
  /** Told what each round does (`--verbose`). */
  log?: (line: string) => void;
}

export interface DriveResult {
  rounds: number;
  stuck: string | null;
  /** From a restart (or a replica's death) to the app's next write, app time, seconds. */
  restartToMoving: number[];
}

/** How far the app's clock is moved when nothing else moves: past a lease and a sweep. */
const idleClockStepMs = 3 * 60_000;

const nowMs = () => performance.timeOrigin + performance.now();

/**
 * Lets the queue run to rest the way time would: CI finishes, sweeps run, the app's clock
 * moves. Progress is whatever changes GitHub (an app write, a ref, a PR); a stall is only
 * `maxIdleRounds` rounds without any, each giving the app a sweep and three minutes.
 */
export async function driveQueueToRest(
  world: ChaosWorld,
  ledger: ScenarioLedger,
  options: DriveOptions,
): Promise<DriveResult> {
  let writes = 0;
  let waiting: { since: number; advancedMs: number } | undefined;
  const restartToMoving: number[] = [];
  world.onRequest((entry) => {
    if (!isAppWrite(entry)) return;
    writes++;
    if (waiting && entry.arrivedAtMs >= waiting.since) {
      restartToMoving.push((entry.arrivedAtMs - waiting.since + waiting.advancedMs) / 1000);
      waiting = undefined;
    }
  });
  const finished = () =>
    world.repo.pendingCi().length === 0 &&
    ledger.pulls.every((p) => {
      const pr = world.repo.pull(p.number);
      return pr.merged || pr.state === 'closed' || !pr.labels.includes(queueLabel);
    });
  const fingerprint = async () =>
    JSON.stringify([
      writes,
      await world.repo.git.resolveRef('refs/heads/main'),
      ledger.pulls.map((p) => world.repo.pull(p.number)),
    ]);
  const downReplicas = () => world.replicas.map((_, i) => i).filter((i) => !world.alive(i));
  let seenDown = 0;
  let idle = 0;
  let flushed = false;
  const started = performance.now();
  const log = (round: number, what: string) =>
    options.log?.(
      `  round ${round} +${((performance.now() - started) / 1000).toFixed(1)}s: ${what}`,
    );
  for (let round = 1; ; round++) {
    if (round === options.faultRounds + 1) options.endFaults();
    log(round, 'settle');
    await ledger.drain();
    try {
      await world.settle();
    } catch (error) {
      return {
        rounds: round,
        stuck: `settle stalled: ${String(error).slice(0, 2000)}`,
        restartToMoving,
      };
    }
    await ledger.drain();
    const down = downReplicas();
    if (down.length > seenDown) {
      seenDown = down.length;
      if (!options.restartKilled && !finished())
        waiting = { since: world.lastKillAtMs ?? nowMs(), advancedMs: 0 };
    }
    if (options.restartKilled && down.length > 0) {
      // Measured from the restart itself: the process's boot is part of the wait.
      const since = nowMs();
      log(round, `restart ${down.join(', ')}`);
      for (const index of down) await world.start(index);
      seenDown = 0;
      if (!finished()) waiting = { since, advancedMs: 0 };
      continue;
    }
    if (world.repo.pendingCi().length > 0) {
      log(round, 'finish CI');
      await world.repo.finishCi();
      idle = 0;
      continue;
    }
    if (finished() && flushed) return { rounds: round, stuck: null, restartToMoving };
    const before = await fingerprint();
    log(round, 'sweep');
    await world.sweep(idle % 2 === 1);
    await world.settle().catch(() => undefined);
    if (!finished() && (await fingerprint()) !== before) {
      idle = 0;
      continue;
    }
    log(round, 'advance the app clock');
    // Nothing moved: let time pass, as a real deployment would (leases expire, outboxes retry).
    await world.advanceAppClocks(idleClockStepMs);
    // A PostgreSQL lease expires by the database's clock: the app's clock move buys it nothing.
    if (waiting && options.idlePauseMs === 0) waiting.advancedMs += idleClockStepMs;
    if (options.idlePauseMs > 0) await new Promise((r) => setTimeout(r, options.idlePauseMs));
    await world.sweep(false);
    await world.settle().catch(() => undefined);
    if (finished()) {
      flushed = true;
      continue;
    }
    idle = (await fingerprint()) === before ? idle + 1 : 0;
    if (idle >= options.maxIdleRounds)
      return { rounds: round, stuck: `nothing moved in ${idle} rounds`, restartToMoving };
  }
}
