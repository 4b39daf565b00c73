import type { Effect } from '../../queue/effects.js';
import type { ApplyContext, Applied } from './context.js';
import { applyBuildStaging } from './build-staging.js';
import { applyDequeue } from './dequeue.js';
import { applyFinishMerged } from './finish.js';
import { applyAbandonStaging, applyClearProbe, applyFailStaging } from './end-staging.js';
import { applyClassifyFailures, applyRerunFailed } from './gates.js';
import { applyLand } from './landing/land.js';
import { applyRestoreHead } from './landing/restore-head.js';
import {
  applyDropCommand,
  applyEnqueue,
  applyRefuse,
  applyRetest,
  applySetPriority,
} from './requests.js';

export type { ApplyContext, Applied } from './context.js';

/** One effect, by the applier for its kind (exhaustive: a new kind does not compile until handled). */
export function applyEffect(ctx: ApplyContext, effect: Effect): Promise<Applied> {
  switch (effect.kind) {
    case 'enqueue':
      return applyEnqueue(ctx, effect);
    case 'refuse':
      return applyRefuse(ctx, effect);
    case 'drop-command':
      return applyDropCommand(ctx, effect);
    case 'retest-new-head':
      return applyRetest(ctx, effect);
    case 'set-priority':
      return applySetPriority(ctx, effect);
    case 'dequeue':
      return applyDequeue(ctx, effect);
    case 'build-staging':
      return applyBuildStaging(ctx, effect);
    case 'abandon-staging':
      return applyAbandonStaging(ctx, effect);
    case 'fail-staging':
      return applyFailStaging(ctx, effect);
    case 'clear-probe':
      return applyClearProbe(ctx, effect);
    case 'classify-failures':
      return applyClassifyFailures(ctx, effect);
    case 'rerun-failed':
      return applyRerunFailed(ctx, effect);
    case 'land':
      return applyLand(ctx, effect);
    case 'restore-head':
      return applyRestoreHead(ctx, effect);
    case 'finish-merged':
      return applyFinishMerged(ctx, effect);
  }
}
