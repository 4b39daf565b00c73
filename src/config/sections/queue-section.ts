import { z } from 'zod';
import { labelName } from './label-name.js';
import { checkBranchPrefix } from './check-branch-prefix.js';
import { queueFreezeSection } from './queue-freeze-section.js';
import { queuePrioritySection } from './queue-priority-section.js';

/** Permission levels in GitHub's order; `read` is left out so a stranger can never queue. */
export const queuePermissions = ['triage', 'write', 'maintain', 'admin'] as const;

/**
 * Batches: the PRs tested together in one staging. A failing batch is bisected, so a larger
 * batch costs little when most PRs pass and more when many fail; the queue's own record of
 * recent failures sizes batches below this ceiling (docs/adr/0004-batches-and-speculation.md).
 * 8 by default: the adaptive size for a broken share under 12.5 %.
 */
const batchSection = z
  .strictObject({
    maxSize: z
      .int()
      .min(1)
      .max(32)
      .default(8)
      .describe(
        'Most pull requests tested together in one staging. Sluice sizes batches from the recent failure rate, up to this; 1 tests every pull request alone.',
      ),
    adaptive: z
      .boolean()
      .default(true)
      .describe(
        'Size batches of untested pull requests from the recent share p of broken ones: the power of two nearest below 1/p (8 below 12.5 %, 4 below 25 %, 2 below 38 %, then 1), at most `maxSize`. `false` always fills batches up to `maxSize`.',
      ),
    waitSeconds: z
      .int()
      .min(0)
      .max(3600)
      .default(0)
      .describe(
        'How long a batch that is not full waits for more pull requests before it is tested. 0 starts at once: an idle runner is worth more than a fuller batch.',
      ),
  })
  .prefault({})
  .describe('How many pull requests are tested together.');

/** Zuul's window: +1 for every staging that passes, halved on a failure, between these bounds. */
const parallelWindow = z
  .strictObject({
    min: z
      .int()
      .min(1)
      .max(64)
      .default(1)
      .describe('Fewest stagings in flight with `parallel: auto`.'),
    max: z
      .int()
      .min(1)
      .max(64)
      .default(8)
      .describe(
        'Most stagings in flight with `parallel: auto`; more than your CI runners only queues.',
      ),
  })
  .prefault({})
  .refine((w) => w.min <= w.max, { message: '`min` must not exceed `max`.' })
  .describe('The bounds of the adaptive depth.');

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
        'Least repository permission a user needs to queue, dequeue, retry or set the priority of a pull request. Anyone below it is refused with a reason on the PR; the author may always dequeue their own.',
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
        "Prefix of the branches Sluice pushes staging commits to; the base branch name and the staging's place in line follow it (`sluice/staging/main/1`). Your CI must run on pushes to these branches.",
      ),
    batch: batchSection,
    /** Safe at any depth: a staging lands only when its own tip passed and its chain starts at the base. */
    parallel: z
      .union([z.literal('auto'), z.int().min(1).max(64)])
      .default('auto')
      .describe(
        'Stagings in flight at once, each built on the one ahead of it so CI tests them side by side. `auto` grows the depth while stagings pass and halves it on a failure, within `parallelWindow`.',
      ),
    parallelWindow,
    /** Probes never land, so they cannot merge anything untested; they only spend idle runners. */
    probes: z
      .boolean()
      .default(true)
      .describe(
        'While CI has idle runners, test pull requests further back in the queue on the base tip, so a broken one is found (and bisected out) before it reaches the chain, where a failure costs every staging behind it.',
      ),
    /** Off by default: the PRs ahead then land on a later staging's result, never on their own. */
    landOnLaterPass: z
      .boolean()
      .default(false)
      .describe(
        'When a staging passes while stagings ahead of it are still testing, land them all with it: its tip contains them and passed. Faster; the PRs ahead land without their own result.',
      ),
    priority: queuePrioritySection,
    freeze: queueFreezeSection,
  })
  .prefault({})
  .meta({
    title: 'Queue',
    description: 'How pull requests enter and leave the queue, and how many are tested at once.',
  });
