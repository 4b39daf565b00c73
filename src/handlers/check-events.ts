import type { SluiceRuntime } from '../runtime/sluice-runtime.js';
import { liveStagingStates as inFlightStates } from '../store/index.js';
import { checkRunToObserved } from '../github/to-observed-check.js';
import type { CheckRunEvent, WorkflowJobEvent } from './payloads.js';

/**
 * A check run was created, completed or re-requested. Its report updates the checks held for
 * its commit (a re-request says a new run is coming: they are read afresh). Only a failure
 * asks for a reconcile now, to fail fast; a passing suite reports through `check_suite`.
 */
export async function onCheckRun(runtime: SluiceRuntime, event: CheckRunEvent): Promise<void> {
  const run = event.check_run;
  const repo = event.repository.full_name;
  const cache = runtime.cache(repo);
  // Sluice's own check run says where a PR stands; it is never a gate on a staging.
  if (run.name === runtime.settings.checkName) return;
  if (event.action === 'rerequested' || run.id === undefined || run.status === undefined)
    cache.forgetChecks(run.head_sha);
  else
    cache.reportCheckRun(
      run.head_sha,
      checkRunToObserved({
        id: run.id,
        name: run.name,
        status: run.status,
        conclusion: run.conclusion ?? null,
        details_url: run.details_url ?? null,
        html_url: run.html_url ?? null,
      }),
    );
  if (event.action === 'completed' && isFailingConclusion(run.conclusion))
    await reconcileStagingsAt(runtime, {
      repo,
      sha: run.head_sha,
      reason: `check ${run.name} failed`,
    });
}

/** A suite completed: its runs reported first, normally, so the checks held are current. */
export async function onCheckSuiteCompleted(
  runtime: SluiceRuntime,
  input: { repo: string; sha: string },
): Promise<void> {
  runtime.cache(input.repo).reportSuiteCompleted(input.sha);
  await reconcileStagingsAt(runtime, { ...input, reason: 'check suite completed' });
}

/**
 * A commit status carries no id to place it among the checks held: they are read afresh. A
 * status, like a suite, moves the queue forward.
 */
export async function onCheckReport(
  runtime: SluiceRuntime,
  input: { repo: string; sha: string; reason: string },
): Promise<void> {
  runtime.cache(input.repo).forgetChecks(input.sha);
  await reconcileStagingsAt(runtime, input);
}

/**
 * CI reporting on a staging commit is what moves a queue forward. Reports on any other commit
 * are none of Sluice's business.
 */
async function reconcileStagingsAt(
  runtime: SluiceRuntime,
  input: { repo: string; sha: string; reason: string },
): Promise<void> {
  for (const queue of await runtime.store.queue.listActiveQueues()) {
    if (queue.repo.toLowerCase() !== input.repo.toLowerCase()) continue;
    const stagings = await runtime.store.staging.list({ ...queue, states: [...inFlightStates] });
    if (stagings.some((s) => s.commitSha === input.sha))
      void runtime.reconcile(queue, input.reason);
  }
}

/**
 * A runner picked up a job of a staging: CI has room, and the queue may use it (a probe, or
 * the next staging in line) — but only when some queued PR is not in a staging yet, so a busy
 * queue does not pay a reconcile for every job that starts.
 */
export async function onRunnerStarted(
  runtime: SluiceRuntime,
  event: WorkflowJobEvent,
): Promise<void> {
  const input = { repo: event.repository.full_name, sha: event.workflow_job.head_sha };
  const checkRunId = Number(
    /\/check-runs\/(\d+)$/.exec(event.workflow_job.check_run_url ?? '')?.[1],
  );
  const cache = runtime.cache(input.repo);
  if (Number.isSafeInteger(checkRunId) && checkRunId > 0)
    cache.reportRunStarted(input.sha, checkRunId);
  else cache.forgetChecks(input.sha);
  for (const queue of await runtime.store.queue.listActiveQueues()) {
    if (queue.repo.toLowerCase() !== input.repo.toLowerCase()) continue;
    const stagings = await runtime.store.staging.list({ ...queue, states: [...inFlightStates] });
    if (!stagings.some((s) => s.commitSha === input.sha)) continue;
    const staged = new Set(stagings.flatMap((s) => s.prs.map((p) => p.entryId)));
    const entries = await runtime.store.queue.list(queue);
    if (entries.some((e) => e.state === 'queued' && !staged.has(e.id)))
      void runtime.reconcile(queue, 'a runner started on a staging');
  }
}

export function isFailingConclusion(conclusion: string | null | undefined): boolean {
  return (
    conclusion !== null &&
    conclusion !== undefined &&
    !['success', 'neutral', 'skipped'].includes(conclusion)
  );
}
