import type { RepoState } from '../world/types.js';

export type PullChange = 'opened' | 'synchronize' | 'reopened' | 'closed' | 'edited';

export interface PullChangeEvent {
  repo: RepoState;
  number: number;
  change: PullChange;
  headSha: string;
}

export type PullListener = (event: PullChangeEvent) => Promise<void>;

/**
 * Pull request lifecycle changes, for the parts of the stand-in that react to them (CI runs
 * `pull_request` workflows on the head). Webhooks are sent by the pulls domain itself.
 */
export class PullHub {
  readonly #listeners: PullListener[] = [];

  subscribe(listener: PullListener): void {
    this.#listeners.push(listener);
  }

  async changed(event: PullChangeEvent): Promise<void> {
    for (const listener of this.#listeners) await listener(event);
  }
}
