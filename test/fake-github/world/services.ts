import type { World } from './world.js';
import type { WebhookBus } from '../webhooks/bus.js';
import type { RefHub } from '../events/ref-hub.js';
import type { PullHub } from '../events/pull-hub.js';

/**
 * What domain operations need, whether a REST handler or the test harness calls them:
 * opening a PR from the harness and from `POST /pulls` run the same code.
 */
export interface Services {
  world: World;
  webhooks: WebhookBus;
  /** Report ref moves here: it sends `push`, syncs pull requests and triggers CI. */
  refs: RefHub;
  /** Report pull request lifecycle changes here (CI listens). */
  pulls: PullHub;
}
