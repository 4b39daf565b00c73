import { z } from 'zod';
import { gateClasses, type GateClass } from '../../gates/types.js';
import { classificationRule } from './classification-rule.js';

function failureAction(gateClass: GateClass, action: 'retry' | 'dequeue') {
  return z
    .enum(['retry', 'dequeue'])
    .default(action)
    .describe(`What to do when a required check fails with class \`${gateClass}\`.`);
}

const failureActions = z
  .strictObject({
    /** Code problems: re-running the same tree cannot fix them. */
    fmt: failureAction('fmt', 'dequeue'),
    /** Code problems: re-running the same tree cannot fix them. */
    lint: failureAction('lint', 'dequeue'),
    /** Code problems: re-running the same tree cannot fix them. */
    build: failureAction('build', 'dequeue'),
    /** Teams with flaky suites may choose `retry`; the budget still bounds it. */
    test: failureAction('test', 'dequeue'),
    /** Must stay `dequeue`: a re-run tests the same conflicting tree (checked below). */
    conflict: failureAction('conflict', 'dequeue'),
    /** Flakes of the machinery, not the code: the one class worth re-running. */
    infra: failureAction('infra', 'retry'),
    /** Fail closed: what cannot be explained is not retried blindly. */
    unknown: failureAction('unknown', 'dequeue'),
  })
  .prefault({})
  .meta({
    title: 'Action per failure class',
    description:
      '`retry` re-runs only the failed jobs of the staging commit, within the retry budget; `dequeue` takes the pull request out of the queue with a label and an explanation.',
  });

function conclusionClass(conclusion: string) {
  return z
    .enum(gateClasses)
    .default('infra')
    .describe(`Class of a required check that ends \`${conclusion}\`.`);
}

// These conclusions say a run did not finish, not that the code is wrong, hence `infra`.
const conclusionClasses = z
  .strictObject({
    /** Usually a newer run superseded it or someone pressed Cancel. */
    cancelled: conclusionClass('cancelled'),
    /** The job hit its time limit: often a hung runner or a slow network. */
    timed_out: conclusionClass('timed_out'),
    /** The workflow could not start: invalid workflow file or runner shortage. */
    startup_failure: conclusionClass('startup_failure'),
    /** GitHub marked the run stale after 14 days without completion. */
    stale: conclusionClass('stale'),
  })
  .prefault({})
  .meta({
    title: 'Class per conclusion',
    description: 'Check conclusions that decide the class before any log is read.',
  });

const retryBudget = z
  .strictObject({
    /** Bounds the extra CI one PR can cost. */
    perPullRequest: z
      .int()
      .min(0)
      .max(20)
      .default(2)
      .describe('Retries one pull request may use before it is dequeued.'),
    /** Bounds the extra CI a flaky repository can cost in a day. */
    perRepositoryPerDay: z
      .int()
      .min(0)
      .max(1000)
      .default(20)
      .describe('Retries all pull requests of the repository may use per UTC day.'),
  })
  .prefault({})
  .meta({ title: 'Retry budget', description: 'Limits on re-running failed jobs.' });

export const gatesSection = z
  .strictObject({
    onFailure: failureActions,
    retryBudget,
    /** A PR that keeps failing wastes CI for everyone queued behind it. */
    blockAfterConsecutiveFailures: z
      .int()
      .min(1)
      .max(100)
      .default(3)
      .describe(
        'Consecutive failed attempts after which a pull request is blocked (labelled, not queued again until a human acts). The count resets when it passes or its head changes.',
      ),
    /** Rules run before log analysis, so a team can settle what heuristics get wrong. */
    rules: z
      .array(classificationRule)
      .max(200)
      .default([])
      .describe(
        'Classification rules, tried in order before the logs are read: the first rule whose patterns all match the failing check, job and step decides the class.',
      ),
    conclusions: conclusionClasses,
  })
  .superRefine((gates, ctx) => {
    // A re-run tests the same conflicting tree again; only a new base or head can help.
    if (gates.onFailure.conflict === 'retry') {
      const problem = { kind: 'conflict-not-retryable' } as const;
      ctx.addIssue({
        code: 'custom',
        path: ['onFailure', 'conflict'],
        message: problem.kind,
        params: { problem },
      });
    }
  })
  .prefault({})
  .meta({ title: 'Gates', description: 'What Sluice does when CI fails on a staging commit.' });
