/**
 * Decides how a job ends: each scripted step runs until one fails (the rest are skipped),
 * then the job's own outcome, if scripted, has the last word. A job that fails without a
 * failing step fails in its last step; a cancelled one stops in the step it was running.
 */
import type { CheckAnnotation } from '../world/types.js';
import type { CiContext, JobConclusion, JobScript, Scripted, StepScript } from './types.js';

export type StepConclusion = 'success' | 'failure' | 'cancelled' | 'skipped';

export interface ExecutedStep {
  name: string;
  command: string;
  output: string;
  conclusion: StepConclusion;
  exitCode: number;
}

export interface JobResult {
  conclusion: JobConclusion;
  steps: ExecutedStep[];
  annotations: CheckAnnotation[];
  /** Set when the job was stopped for exceeding `timeout-minutes`. */
  timeoutMinutes?: number;
}

export async function resolveScripted<T>(
  value: Scripted<T> | undefined,
  ctx: CiContext,
): Promise<T | undefined> {
  if (typeof value === 'function') return (value as (ctx: CiContext) => T | Promise<T>)(ctx);
  return value;
}

/** Without `steps`, a job is one step running `run` (default `npm run <job>`) that prints the job's log. */
export function stepsOf(script: JobScript): StepScript[] {
  if (script.steps && script.steps.length > 0) return script.steps;
  return [
    { run: script.run ?? `npm run ${script.name}`, log: script.log, exitCode: script.exitCode },
  ];
}

export function stepName(step: StepScript): string {
  return step.name ?? `Run ${step.run.split('\n')[0] ?? ''}`;
}

async function runSteps(script: JobScript, ctx: CiContext): Promise<ExecutedStep[]> {
  const executed: ExecutedStep[] = [];
  let failed = false;
  for (const step of stepsOf(script)) {
    const name = stepName(step);
    if (failed) {
      executed.push({ name, command: step.run, output: '', conclusion: 'skipped', exitCode: 0 });
      continue;
    }
    const outcome = (await resolveScripted(step.outcome, ctx)) ?? 'success';
    const output = (await resolveScripted(step.log, ctx)) ?? '';
    failed = outcome === 'failure';
    executed.push({
      name,
      command: step.run,
      output,
      conclusion: outcome,
      exitCode: failed ? (step.exitCode ?? 1) : 0,
    });
  }
  return executed;
}

/** Where a job-level failure or cancellation lands: the step that failed, or the last one that ran. */
function decidingStep(steps: ExecutedStep[]): ExecutedStep {
  return (
    steps.find((s) => s.conclusion === 'failure') ??
    [...steps].reverse().find((s) => s.conclusion !== 'skipped') ??
    steps[steps.length - 1]!
  );
}

export async function evaluateJob(input: {
  script: JobScript;
  ctx: CiContext;
  /** The test's choice (set on the fly or at completion); wins over the script. */
  override?: Scripted<JobConclusion>;
}): Promise<JobResult> {
  const { script, ctx } = input;
  const steps = await runSteps(script, ctx);
  const stepFailed = steps.some((s) => s.conclusion === 'failure');
  const conclusion =
    (await resolveScripted(input.override ?? script.outcome, ctx)) ??
    (stepFailed ? 'failure' : 'success');
  const decider = decidingStep(steps);
  if (script.steps?.length && script.log !== undefined && decider.output === '')
    decider.output = (await resolveScripted(script.log, ctx)) ?? '';
  switch (conclusion) {
    case 'failure':
      if (!stepFailed)
        Object.assign(decider, { conclusion: 'failure', exitCode: script.exitCode ?? 1 });
      break;
    case 'cancelled':
    case 'timed_out':
      Object.assign(decider, { conclusion: 'cancelled', exitCode: 0 });
      break;
    case 'success':
    case 'neutral':
    case 'skipped':
    case 'action_required':
      // The job's verdict overrides the steps (e.g. continue-on-error): no step failed.
      for (const step of steps)
        if (step.conclusion !== 'success')
          Object.assign(step, { conclusion: 'success', exitCode: 0 });
      break;
  }
  const annotations = (await resolveScripted(script.annotations, ctx)) ?? [];
  return {
    conclusion,
    steps,
    annotations,
    ...(script.timeoutMinutes !== undefined &&
    (conclusion === 'cancelled' || conclusion === 'timed_out')
      ? { timeoutMinutes: script.timeoutMinutes }
      : {}),
  };
}
