import type { Account, App, RepoState } from '../world/types.js';
import type { Services } from '../world/services.js';
import type { RefChangeEvent } from '../events/ref-hub.js';
import type { PullChangeEvent } from '../events/pull-hub.js';
import { Idle } from '../world/idle.js';
import type { CiJob, CiRun, RepoCi } from './ci-state.js';
import type { CiCore } from './ci-core.js';
import type { CiMode, CiScript, JobConclusion, Scripted } from './types.js';
import { LogLinks } from './log-links.js';
import { onPullChanged, onRefsChanged } from './triggers.js';
import { finishDueWork } from './due-work.js';
import {
  completeMatching,
  finishEverything,
  pendingWork,
  type CompleteFilter,
  type PendingWork,
} from './manual-steps.js';
import { rerunJobs } from './reruns.js';
import { cancelRun } from './cancel-run.js';
import { startWaitingJobs } from './advance-run.js';
import { checkRunnerLimit, runnerUsage, type RunnerUsage } from './runner-pool.js';

export type RepoRef = RepoState | string;

/**
 * The scripted GitHub Actions of one stand-in. Work runs one piece at a time (a lock), and
 * background work (auto mode on the virtual clock, triggers) is tracked so `gh.settle()`
 * waits for it. Runs, jobs and logs stay here; check runs and suites live in the world.
 */
export class CiEngine implements CiCore {
  readonly idle = new Idle();
  readonly logLinks = new LogLinks();
  /** Not re-entrant on purpose: a webhook receiver that calls back in-process must queue. */
  #tail: Promise<unknown> = Promise.resolve();
  readonly #repos = new Map<string, RepoCi>();

  constructor(
    readonly services: Services,
    readonly actionsApp: App,
  ) {}

  get busy(): boolean {
    return this.idle.busy;
  }

  repoCi(repo: RepoState): RepoCi {
    const key = repo.fullName.toLowerCase();
    let repoCi = this.#repos.get(key);
    if (!repoCi) {
      repoCi = {
        repo,
        script: {},
        workflowIds: new Map(),
        runNumbers: new Map(),
        runs: new Map(),
        jobs: new Map(),
        statusWaits: [],
        overrides: new Map(),
        runnerLimit: null,
        finishedRunnerMs: 0,
      };
      this.#repos.set(key, repoCi);
    }
    return repoCi;
  }

  modeOf(repoCi: RepoCi): CiMode {
    return repoCi.script.mode ?? 'manual';
  }

  #of(repo: RepoRef): RepoCi {
    return this.repoCi(typeof repo === 'string' ? this.services.world.requireRepo(repo) : repo);
  }

  #run<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.#tail.then(fn);
    this.#tail = result.catch(() => undefined);
    return this.idle.track(result);
  }

  // Wiring: ref moves, pull request changes, the virtual clock.
  handleRefs(event: RefChangeEvent): Promise<void> {
    return this.#run(() => onRefsChanged(this, this.#of(event.repo), event));
  }
  handlePull(event: PullChangeEvent): Promise<void> {
    return this.#run(() => onPullChanged(this, this.#of(event.repo), event));
  }
  handleClock(now: Date): void {
    // Nobody awaits clock-driven work: a failure (say, a throwing outcome function) becomes
    // a violation, so assertClean() reports it instead of an unhandled rejection.
    this.#run(() => finishDueWork(this, () => [...this.#repos.values()], now)).catch(
      (error: unknown) => {
        const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
        const { world } = this.services;
        world.recordViolation({
          kind: 'fake-bad-response',
          subject: 'ci (auto mode)',
          detail,
          at: world.clock.now(),
        });
      },
    );
  }

  // The harness.
  /** Replaces the repository's CI script; runs already started keep theirs. */
  script(repo: RepoRef, script: CiScript): void {
    this.#of(repo).script = script;
  }
  complete(input: CompleteFilter & { repo: RepoRef }): Promise<CiJob[]> {
    return this.#run(() => completeMatching(this, this.#of(input.repo), input));
  }
  /** Finishes the oldest running job. */
  step(repo: RepoRef): Promise<CiJob | undefined> {
    return this.#run(async () => {
      const repoCi = this.#of(repo);
      const job = [...repoCi.jobs.values()].find((j) => j.status === 'in_progress');
      return job
        ? (
            await completeMatching(this, repoCi, {
              runId: job.run.id,
              job: job.script.name,
              sha: job.run.trigger.sha,
            })
          )[0]
        : undefined;
    });
  }
  finishAll(repo: RepoRef): Promise<void> {
    return this.#run(() => finishEverything(this, this.#of(repo)));
  }
  pending(repo: RepoRef): PendingWork[] {
    return pendingWork(this.#of(repo));
  }
  /** From now on, job `job` concludes with `outcome` (undefined: back to its script). */
  setOutcome(input: {
    repo: RepoRef;
    job: string;
    outcome: Scripted<JobConclusion> | undefined;
  }): void {
    const { overrides } = this.#of(input.repo);
    if (input.outcome === undefined) overrides.delete(input.job);
    else overrides.set(input.job, input.outcome);
  }
  /**
   * At most `limit` jobs of the repository run at once (null: no limit). Raising it lets
   * waiting jobs start now; lowering it stops nothing, new jobs just wait longer.
   */
  async setRunnerLimit(repo: RepoRef, limit: number | null): Promise<void> {
    checkRunnerLimit(limit);
    await this.#run(async () => {
      const repoCi = this.#of(repo);
      repoCi.runnerLimit = limit;
      await startWaitingJobs(this, repoCi, this.services.world.clock.now());
    });
  }
  runnerUsage(repo: RepoRef): RunnerUsage {
    return runnerUsage(this.#of(repo), this.services.world.clock.now());
  }
  runs(repo: RepoRef): CiRun[] {
    return [...this.#of(repo).runs.values()];
  }
  jobs(repo: RepoRef): CiJob[] {
    return [...this.#of(repo).jobs.values()];
  }

  // Lookups and actions for the REST handlers.
  findRun(repo: RepoState, id: number): CiRun | undefined {
    return this.repoCi(repo).runs.get(id);
  }
  findJob(repo: RepoState, id: number): CiJob | undefined {
    return this.repoCi(repo).jobs.get(id);
  }
  runOfSuite(repo: RepoState, suiteId: number): CiRun | undefined {
    return [...this.repoCi(repo).runs.values()].find((run) => run.suiteId === suiteId);
  }
  rerunFailedJobs(run: CiRun, actor: Account): Promise<void> {
    return this.#run(() => rerunJobs(this, this.repoCi(run.repo), run, { kind: 'failed' }, actor));
  }
  rerunWorkflow(run: CiRun, actor: Account): Promise<void> {
    return this.#run(() => rerunJobs(this, this.repoCi(run.repo), run, { kind: 'all' }, actor));
  }
  rerunJob(job: CiJob, actor: Account): Promise<void> {
    return this.#run(() =>
      rerunJobs(
        this,
        this.repoCi(job.run.repo),
        job.run,
        { kind: 'job', name: job.script.name },
        actor,
      ),
    );
  }
  cancel(run: CiRun): Promise<void> {
    return this.#run(() => cancelRun(this, this.repoCi(run.repo), run));
  }
}
