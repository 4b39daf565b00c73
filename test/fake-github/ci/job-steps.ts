import type { CiStep } from './ci-state.js';
import type { JobScript } from './types.js';
import type { JobResult } from './evaluate-job.js';
import { stepName, stepsOf } from './evaluate-job.js';

/** Every Actions job shows these around its own steps (with `actions/checkout` as the first action). */
const before = ['Set up job', 'Run actions/checkout@v4'];
const after = ['Post Run actions/checkout@v4', 'Complete job'];

/** The steps a queued job will show: all queued; the first starts with the job. */
export function plannedSteps(script: JobScript): CiStep[] {
  const names = [...before, ...stepsOf(script).map(stepName), ...after];
  return names.map((name, i) => ({
    name,
    number: i + 1,
    status: 'queued',
    conclusion: null,
    startedAt: null,
    completedAt: null,
  }));
}

export function startSteps(steps: CiStep[], at: Date): void {
  const first = steps[0];
  if (first) Object.assign(first, { status: 'in_progress', startedAt: at });
}

/** The finished job's steps, spread evenly over its run time; skipped steps have no times. */
export function finishedSteps(result: JobResult, startedAt: Date, completedAt: Date): CiStep[] {
  const outcomes = [
    ...before.map(() => 'success' as const),
    ...result.steps.map((s) => s.conclusion),
    ...after.map(() => 'success' as const),
  ];
  const names = [...before, ...result.steps.map((s) => s.name), ...after];
  const slot = Math.max(completedAt.getTime() - startedAt.getTime(), 0) / names.length;
  return names.map((name, i) => {
    const conclusion = outcomes[i]!;
    const ran = conclusion !== 'skipped';
    return {
      name,
      number: i + 1,
      status: 'completed',
      conclusion,
      startedAt: ran ? new Date(startedAt.getTime() + Math.round(i * slot)) : null,
      completedAt: ran ? new Date(startedAt.getTime() + Math.round((i + 1) * slot)) : null,
    };
  });
}
