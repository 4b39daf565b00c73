import { z } from 'zod';

/** A reason, not a flag: whoever reads a frozen queue's check runs should learn why. */
export const queueFreezeSection = z
  .strictObject({
    reason: z
      .string()
      .trim()
      .min(1)
      .max(300)
      .nullable()
      .default(null)
      .describe(
        'Freezes the queue while set, shown on every queued pull request (`release 2.4 is being cut`). Nothing new is tested and nothing lands; a staging under test may finish but waits to land. Pull requests can still be queued and dequeued. Remove it (or set `null`) to resume.',
      ),
  })
  .prefault({})
  .describe('Stops the queue for a while, saying why.');
