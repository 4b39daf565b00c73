import { z } from 'zod';
import { labelName } from './label-name.js';
import { checkBranchPrefix } from './check-branch-prefix.js';

/** Permission levels in GitHub's order; `read` is left out so a stranger can never queue. */
export const queuePermissions = ['triage', 'write', 'maintain', 'admin'] as const;

export const queueSection = z
  .strictObject({
    /** The trigger users see first; must differ from every outcome label (checked at the root). */
    label: labelName
      .default('merge-queue')
      .describe('Label that puts a pull request in the queue. `/sluice queue` works too.'),
    /** Checked against the sender of the label or comment, never the PR author. */
    minimumPermission: z
      .enum(queuePermissions)
      .default('write')
      .describe(
        'Least repository permission a user needs to queue, dequeue or retry a pull request. Anyone below it is refused with a reason on the PR.',
      ),
    /** Branch protection may ask for more; the reconciler uses the higher number. */
    requiredApprovals: z
      .int()
      .min(0)
      .max(20)
      .default(0)
      .describe(
        'Approving reviews a pull request needs before it is queued. When branch protection or a ruleset requires more, the higher number applies.',
      ),
    /** A push changes what was approved and tested, so the default fails safe. */
    onPush: z
      .enum(['dequeue', 'retest'])
      .default('dequeue')
      .describe(
        'What a new push to a queued pull request does: `dequeue` takes it out of the queue; `retest` keeps its place and tests the new head.',
      ),
    /** Staging branches are written by Sluice; CI must be configured to run on them. */
    stagingBranchPrefix: z
      .string()
      .min(1)
      .max(100)
      .superRefine(checkBranchPrefix)
      .default('sluice/staging/')
      .describe(
        'Prefix of the branches Sluice pushes staging commits to; the base branch name follows it (`sluice/staging/main`). Your CI must run on pushes to these branches.',
      ),
  })
  .prefault({})
  .meta({ title: 'Queue', description: 'How pull requests enter and leave the queue.' });
