import type { World } from '../world/world.js';
import type { Account, RepoState } from '../world/types.js';
import type { WebhookBus } from '../webhooks/bus.js';
import { renderPushPayload } from '../render/push.js';

export const zeroSha = '0000000000000000000000000000000000000000';

export interface RefChange {
  /** Full ref name, `refs/heads/main`. */
  ref: string;
  /** Zero sha when created. */
  before: string;
  /** Zero sha when deleted. */
  after: string;
  forced?: boolean;
}

export interface RefChangeEvent {
  repo: RepoState;
  changes: RefChange[];
  /** Who pushed: a user, or an app's bot for API writes. */
  pusher: Account;
}

/** Reacts to ref changes after the push event: pull request sync, CI triggers. */
export type RefListener = (event: RefChangeEvent) => Promise<void>;

/**
 * Every way a ref moves — the REST API, a `git push` over smart HTTP, a merge, the test
 * harness — goes through here, so `push`, `pull_request.synchronize`, "merged by push" and CI
 * triggers behave the same whatever moved the ref.
 */
export class RefHub {
  readonly #listeners: RefListener[] = [];

  constructor(
    private readonly world: World,
    private readonly webhooks: WebhookBus,
  ) {}

  subscribe(listener: RefListener): void {
    this.#listeners.push(listener);
  }

  async refsChanged(event: RefChangeEvent): Promise<void> {
    const changes = event.changes.filter((c) => c.before !== c.after);
    if (changes.length === 0) return;
    for (const change of changes) {
      if (change.ref.startsWith('refs/pull/')) continue; // GitHub's own refs send no push
      const payload = await renderPushPayload(this.world, event.repo, change, event.pusher);
      this.webhooks.emit({ repo: event.repo, event: 'push', payload, sender: event.pusher });
    }
    for (const listener of this.#listeners) await listener({ ...event, changes });
  }
}
