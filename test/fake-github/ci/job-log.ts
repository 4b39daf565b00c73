/**
 * A job's downloadable log: the runner's set-up, the checkout, each step that ran (a
 * `##[group]Run <command>` header, then the tool's output), the runner's verdict on the
 * step that failed, and the post-job cleanup. Skipped steps leave no trace, as on GitHub.
 */
import type { CheckAnnotation } from '../world/types.js';
import type { CiStep } from './ci-state.js';
import type { JobResult } from './evaluate-job.js';
import { LogWriter } from './log-writer.js';
import {
  runnerName,
  writeCheckout,
  writePostJob,
  writeRunHeader,
  writeSetUpJob,
  type RunnerLogInput,
} from './runner-log.js';
import { annotationsFromOutput, runnerAnnotation, runnerLines } from './workflow-commands.js';

export interface JobLogInput extends RunnerLogInput {
  jobId: number;
  result: JobResult;
  /** All steps with their times: set-up, checkout, the scripted steps, post checkout, complete. */
  steps: CiStep[];
  startedAt: Date;
}

/** The runner's own error lines for a step that did not succeed. */
function verdictLines(input: JobLogInput, step: JobResult['steps'][number]): string[] {
  switch (step.conclusion) {
    case 'failure':
      return [`Process completed with exit code ${step.exitCode}.`];
    case 'cancelled':
      return [
        ...(input.result.timeoutMinutes !== undefined
          ? [
              `The job running on runner ${runnerName(input.jobId)} has exceeded the maximum execution time of ${input.result.timeoutMinutes} minutes.`,
            ]
          : []),
        'The operation was canceled.',
      ];
    case 'success':
    case 'skipped':
      return [];
  }
}

export function renderJobLog(input: JobLogInput): string {
  const log = new LogWriter(input.startedAt);
  const when = (index: number): Date => input.steps[index]?.startedAt ?? input.startedAt;
  writeSetUpJob(log.at(when(0)), input);
  writeCheckout(log.at(when(1)), input);
  input.result.steps.forEach((step, i) => {
    if (step.conclusion === 'skipped') return;
    writeRunHeader(log.at(when(2 + i)), step.command);
    if (step.output !== '')
      for (const line of step.output.replace(/\r?\n$/, '').split(/\r?\n/))
        for (const out of runnerLines(line)) log.line(out);
    for (const line of verdictLines(input, step)) log.line(`##[error]${line}`);
  });
  writePostJob(log.at(when(input.steps.length - 2)), input);
  return log.text();
}

/** What the check run of a finished job carries: annotations from its output, the runner's verdict, the script's own. */
export function jobAnnotations(input: JobLogInput): CheckAnnotation[] {
  const fromSteps = input.result.steps.flatMap((step) => [
    ...(step.conclusion === 'skipped' ? [] : annotationsFromOutput(step.output)),
    ...verdictLines(input, step).map((line) => runnerAnnotation(line)),
  ]);
  return [...fromSteps, ...input.result.annotations];
}
