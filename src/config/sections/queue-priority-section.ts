import { z } from 'zod';
import { optionalLabelName } from './label-name.js';

/**
 * Priorities reorder only what waits: a staging under test is a CI run already paid for, and
 * throwing it away for a PR that goes first is a choice the repository makes (`interrupt`).
 */
export const queuePrioritySection = z
  .strictObject({
    labels: z
      .strictObject({
        high: optionalLabelName
          .default(null)
          .describe(
            'Label that gives a queued pull request high priority, as `/sluice queue --priority high` does. It does not queue the pull request by itself. `null`: no label.',
          ),
        low: optionalLabelName
          .default(null)
          .describe(
            'Label that gives a queued pull request low priority, as `/sluice queue --priority low` does. It does not queue the pull request by itself. `null`: no label.',
          ),
      })
      .prefault({})
      .describe(
        'Labels that set a priority. Adding one sets the priority, removing it sets `normal`; the latest change, by label or by command, wins. Anyone who can label pull requests can use them.',
      ),
    interrupt: z
      .boolean()
      .default(false)
      .describe(
        'Let a higher-priority pull request interrupt a staging under test: the first staging holding a lower-priority pull request is abandoned (its CI cancelled), with the stagings built on it, and rebuilt behind it. `false`: it goes ahead of every pull request still waiting, and stagings under test finish.',
      ),
  })
  .prefault({})
  .describe(
    'Priorities: `high`, `normal` (the default) and `low`. A higher priority goes ahead of every pull request of a lower one that is not being tested yet; within a priority, queue order holds.',
  );
