/**
 * The part of a CI script that JSON can say: conclusions and logs as strings (or one per
 * attempt, the last repeating, which is how a flaky test is scripted without a function),
 * and the ready-made failures of ci/failures.ts by name.
 */
import { z } from 'zod';
import type { CiScript, JobBehaviour, JobScript, Scripted } from '../ci/types.js';
import { cancelled, fmtFailure, infraFlake, testFailure, timeout } from '../ci/failures.js';
import { jobConclusion } from './http-control-schemas.js';

const perAttempt = <T extends z.ZodType>(value: T) => z.union([value, z.array(value).min(1)]);

const failure = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('infra-flake'),
    failingAttempts: z.number().int().min(0).optional(),
    registry: z.string().optional(),
  }),
  z.strictObject({
    kind: z.literal('test-failure'),
    test: z.string(),
    message: z.string(),
    file: z.string().optional(),
  }),
  z.strictObject({
    kind: z.literal('fmt-failure'),
    tool: z.enum(['cargo fmt', 'prettier']),
    file: z.string().optional(),
  }),
  z.strictObject({
    kind: z.literal('timeout'),
    minutes: z.number().int().positive().optional(),
    conclusion: z.enum(['cancelled', 'timed_out']).optional(),
  }),
  z.strictObject({ kind: z.literal('cancelled') }),
]);

const annotation = z.strictObject({
  path: z.string(),
  start_line: z.number().int(),
  end_line: z.number().int(),
  annotation_level: z.enum(['notice', 'warning', 'failure']),
  message: z.string(),
  title: z.string().optional(),
});

const step = z.strictObject({
  name: z.string().optional(),
  run: z.string(),
  outcome: perAttempt(z.enum(['success', 'failure'])).optional(),
  log: perAttempt(z.string()).optional(),
  exitCode: z.number().int().optional(),
});

const job = z.strictObject({
  name: z.string(),
  needs: z.array(z.string()).optional(),
  steps: z.array(step).optional(),
  run: z.string().optional(),
  /** A ready-made behaviour; the fields below override it. */
  failure: failure.optional(),
  outcome: perAttempt(jobConclusion).optional(),
  log: perAttempt(z.string()).optional(),
  exitCode: z.number().int().optional(),
  annotations: z.array(annotation).optional(),
  durationMs: z.number().int().min(0).optional(),
  timeoutMinutes: z.number().int().positive().optional(),
});

const trigger = z.strictObject({
  push: z.array(z.string()).optional(),
  pull_request: z.boolean().optional(),
});

export const ciScriptInput = z.strictObject({
  workflows: z
    .array(z.strictObject({ name: z.string(), file: z.string(), on: trigger, jobs: z.array(job) }))
    .optional(),
  statuses: z
    .array(
      z.strictObject({
        context: z.string(),
        state: perAttempt(z.enum(['success', 'failure', 'error'])),
        afterMs: z.number().int().min(0).optional(),
        description: z.string().optional(),
        targetUrl: z.string().optional(),
        on: trigger.optional(),
      }),
    )
    .optional(),
  mode: z.enum(['manual', 'auto']).optional(),
});

/** One value, or one per attempt with the last repeating. */
function byAttempt<T>(value: T | T[]): Scripted<T> {
  if (!Array.isArray(value)) return value;
  return ({ attempt }) => value[Math.min(attempt, value.length) - 1]!;
}

function readyMade(input: z.output<typeof failure>): JobBehaviour {
  switch (input.kind) {
    case 'infra-flake':
      return infraFlake(input);
    case 'test-failure':
      return testFailure(input.test, input.message, input.file ? { file: input.file } : {});
    case 'fmt-failure':
      return fmtFailure(input.tool, input.file ? { file: input.file } : {});
    case 'timeout':
      return timeout(input);
    case 'cancelled':
      return cancelled();
  }
}

function toJob({ failure, outcome, log, steps, ...rest }: z.output<typeof job>): JobScript {
  const script: JobScript = { ...(failure ? readyMade(failure) : {}), ...rest };
  if (outcome !== undefined) script.outcome = byAttempt(outcome);
  if (log !== undefined) script.log = byAttempt(log);
  if (steps) {
    script.steps = steps.map(({ outcome: stepOutcome, log: stepLog, ...plain }) => ({
      ...plain,
      ...(stepOutcome !== undefined ? { outcome: byAttempt(stepOutcome) } : {}),
      ...(stepLog !== undefined ? { log: byAttempt(stepLog) } : {}),
    }));
  }
  return script;
}

export function toCiScript(input: z.output<typeof ciScriptInput>): CiScript {
  return {
    ...(input.mode ? { mode: input.mode } : {}),
    workflows: (input.workflows ?? []).map((w) => ({ ...w, jobs: w.jobs.map(toJob) })),
    statuses: (input.statuses ?? []).map(({ state, ...rest }) => ({
      ...rest,
      state: byAttempt(state),
    })),
  };
}
