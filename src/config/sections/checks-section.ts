import { z } from 'zod';

export const checksSection = z
  .strictObject({
    /** Added to what branch protection and rulesets require, never a replacement for them. */
    required: z
      .array(z.string().trim().min(1).max(200))
      .max(100)
      .default([])
      .describe(
        'Names of checks that must pass on a staging commit, in addition to the checks branch protection and rulesets already require.',
      ),
    /** Without a limit, a check that is misconfigured to never run would stall the queue. */
    startTimeoutMinutes: z
      .int()
      .min(1)
      .max(1440)
      .default(30)
      .describe(
        'Minutes to wait for a required check to appear on a staging commit. A check that has not started by then dequeues the pull request, naming the check.',
      ),
  })
  .prefault({})
  .meta({ title: 'Required checks', description: 'Which checks must pass on a staging commit.' });
