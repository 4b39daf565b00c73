import type { Effect } from '../../queue/effects.js';
import type { GateVerdictSummary } from '../../queue/gate-policy.js';
import { createGateScanner, type GateContext, type CheckConclusion } from '../../gates/index.js';
import type { FailingJob } from '../../github/port.js';
import type { ApplyContext, Applied } from './context.js';
import { toJson } from '../journal.js';
import { stagingRecord } from '../observe.js';

type Classify = Extract<Effect, { kind: 'classify-failures' }>;
type Rerun = Extract<Effect, { kind: 'rerun-failed' }>;

/**
 * Names the gate of each failing check: the classifier reads the job's own log, streamed (logs
 * can be hundreds of MB), with the job's steps and the check's conclusion. Verdicts are stored
 * per check run, so each failure is classified once.
 */
export async function applyClassifyFailures(ctx: ApplyContext, effect: Classify): Promise<Applied> {
  const { deps, config } = ctx;
  const sha = stagingRecord(ctx.observation, effect.stagingId)?.commitSha;
  if (!sha) return 'done';
  for (const job of await deps.github.failingJobs(sha, effect.checks)) {
    const context: GateContext = {
      check: job.checkName,
      conclusion: job.conclusion as CheckConclusion | null,
      job: job.jobName,
      steps: job.steps.map((s) => ({
        name: s.name,
        conclusion: s.conclusion as CheckConclusion | null,
      })),
      rules: config.gates.rules,
      conclusionClasses: config.gates.conclusions,
    };
    const verdict = await classify(ctx, job, context);
    const summary: GateVerdictSummary = {
      ...verdict,
      check: job.checkName,
      url: job.url,
      job: verdict.job ?? job.jobName,
    };
    await deps.store.verdicts.save({
      stagingId: Number(effect.stagingId),
      checkRunId: String(job.checkRunId),
      checkName: job.checkName,
      class: summary.class,
      verdict: toJson(summary),
      now: deps.now(),
    });
    deps.log.info(
      {
        repo: ctx.queue.repo,
        check: job.checkName,
        class: summary.class,
        signature: summary.signature,
      },
      'gate classified',
    );
  }
  return 'done';
}

async function classify(ctx: ApplyContext, job: FailingJob, context: GateContext) {
  const scanner = createGateScanner(context);
  const log = await ctx.deps.github.jobLog(job.checkRunId);
  if (log) {
    for await (const chunk of log) scanner.push(chunk);
  } else {
    // No Actions log (another CI app): the check run's own output is the evidence.
    scanner.push(
      [job.output.title, job.output.summary, job.output.text].filter(Boolean).join('\n'),
    );
  }
  return scanner.finish();
}

/** Re-runs only the failed jobs of the failing checks' workflow runs, and counts it against the budget. */
export async function applyRerunFailed(ctx: ApplyContext, effect: Rerun): Promise<Applied> {
  const { deps } = ctx;
  const record = stagingRecord(ctx.observation, effect.stagingId);
  const sha = record?.commitSha;
  if (!record || !sha) return 'done';
  const jobs = await deps.github.failingJobs(sha, effect.checks);
  const runs = new Set(jobs.flatMap((j) => (j.runId === null ? [] : [j.runId])));
  const rerun = new Set<number>();
  // The failed attempts give way to new ones: read the commit's checks afresh next time.
  if (runs.size > 0) deps.cache.forgetChecks(sha);
  for (const runId of runs) {
    const result = await deps.github.rerunFailedJobs(runId);
    if (result.kind === 'ok') rerun.add(runId);
    else deps.log.warn({ repo: ctx.queue.repo, runId, result }, 're-run refused');
  }
  // Spent even when GitHub refused, by every PR of the staging: a check that cannot be re-run
  // exhausts the budget and the staging is judged, instead of asking forever.
  for (const member of record.prs.filter((p) => effect.prs.includes(p.number))) {
    const attempt = (await deps.store.attempts.listForEntry(member.entryId)).find(
      (a) => a.outcome === 'running' && a.stagingId === record.id,
    );
    if (attempt) await deps.store.attempts.recordRerun({ attemptId: attempt.id, now: deps.now() });
  }
  for (const job of jobs) {
    if (job.runId === null || !rerun.has(job.runId)) continue;
    await deps.store.verdicts.markRerun({
      stagingId: Number(effect.stagingId),
      checkRunId: String(job.checkRunId),
      now: deps.now(),
    });
  }
  return 'done';
}
