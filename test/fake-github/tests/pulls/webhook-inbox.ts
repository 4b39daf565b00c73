import type { RepoState } from '../../world/types.js';
import { waitForProgress } from '../../control/wait-for-progress.js';

/** Tests read a few fields and compare the rest with matchers. */
export type WebhookPayload = Record<string, unknown> & { repository?: { full_name?: string } };

export interface Received {
  event: string;
  action: string | undefined;
  payload: WebhookPayload;
}

/** The webhooks an app received, with a wait (on progress) for the ones still on their way. */
export class WebhookInbox {
  readonly received: Received[] = [];

  /** Waits for a webhook of this kind about `repo`, delivered after the API answer. */
  async waitFor(
    repo: RepoState,
    event: string,
    action?: string,
    where: (r: Received) => boolean = () => true,
  ): Promise<Received> {
    const find = () =>
      this.deliveriesFor(repo).find(
        (r) => r.event === event && (action === undefined || r.action === action) && where(r),
      );
    await waitForProgress({
      what: `${event}.${action ?? '*'} for ${repo.fullName}`,
      outstanding: () => (find() ? [] : [`got ${this.describe(repo)}`]),
      sources: [{ name: 'webhooks received', read: () => String(this.received.length) }],
    });
    return find()!;
  }

  deliveriesFor(repo: RepoState): Received[] {
    return this.received.filter((r) => r.payload.repository?.full_name === repo.fullName);
  }

  describe(repo: RepoState): string {
    const seen = this.deliveriesFor(repo).map((r) => `${r.event}.${r.action ?? ''}`);
    return seen.join(', ') || 'nothing';
  }
}
