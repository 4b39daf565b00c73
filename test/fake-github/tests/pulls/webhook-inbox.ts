import type { RepoState } from '../../world/types.js';

/** Tests read a few fields and compare the rest with matchers. */
export type WebhookPayload = Record<string, unknown> & { repository?: { full_name?: string } };

export interface Received {
  event: string;
  action: string | undefined;
  payload: WebhookPayload;
}

/** The webhooks an app received, with a bounded wait for the ones still on their way. */
export class WebhookInbox {
  readonly received: Received[] = [];

  /** Waits (bounded) for a webhook of this kind about `repo`, delivered after the API answer. */
  async waitFor(
    repo: RepoState,
    event: string,
    action?: string,
    where: (r: Received) => boolean = () => true,
  ): Promise<Received> {
    const deadline = Date.now() + 5000;
    for (;;) {
      const hit = this.deliveriesFor(repo).find(
        (r) => r.event === event && (action === undefined || r.action === action) && where(r),
      );
      if (hit) return hit;
      if (Date.now() > deadline) {
        throw new Error(
          `no ${event}.${action ?? '*'} for ${repo.fullName}; got ${this.describe(repo)}`,
        );
      }
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  deliveriesFor(repo: RepoState): Received[] {
    return this.received.filter((r) => r.payload.repository?.full_name === repo.fullName);
  }

  describe(repo: RepoState): string {
    const seen = this.deliveriesFor(repo).map((r) => `${r.event}.${r.action ?? ''}`);
    return seen.join(', ') || 'nothing';
  }
}
