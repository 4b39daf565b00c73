/** A commit a contributor pushed to a PR branch, with the files only it adds. */
export interface ContributorCommit {
  sha: string;
  files: Record<string, string>;
}

export interface TrackedPull {
  number: number;
  branch: string;
  /** Why CI fails for it, if it does (`lint` only matters once lint is required). */
  failing: 'test' | 'lint' | null;
  /** The head it was queued at. */
  queuedHead: string;
  commits: ContributorCommit[];
  /** A contributor pushed to it during landing: dequeued or landed with the push are both right. */
  pushedDuringLanding: boolean;
}

/** The checks the base branch required from `seq` on (branch protection plus sluice.yml). */
export interface PolicyEpoch {
  seq: number;
  required: string[];
  why: string;
}

export interface BaseMove {
  seq: number;
  before: string;
  after: string;
  pusher: string;
  /** Index into `epochs`: the policy in force when the base moved. */
  epoch: number;
}

/**
 * What the campaign did and saw, for the oracle: the PRs and every commit contributors
 * pushed, policy changes in order, and every move of the base (with who moved it). Sequence
 * numbers order policy changes and base moves against each other.
 */
export class ScenarioLedger {
  readonly pulls: TrackedPull[] = [];
  readonly epochs: PolicyEpoch[];
  readonly baseMoves: BaseMove[] = [];
  readonly faults: string[] = [];
  readonly #pending = new Set<Promise<unknown>>();
  #seq = 0;

  constructor(required: string[]) {
    this.epochs = [{ seq: 0, required: [...required], why: 'initial policy' }];
  }

  get current(): PolicyEpoch {
    return this.epochs.at(-1)!;
  }

  changePolicy(required: string[], why: string): void {
    this.epochs.push({ seq: ++this.#seq, required: [...new Set(required)], why });
  }

  recordBaseMove(move: Omit<BaseMove, 'seq' | 'epoch'>): void {
    this.baseMoves.push({ ...move, seq: ++this.#seq, epoch: this.epochs.length - 1 });
  }

  /** Counts a fault injected, described for the run's report. */
  recordFault(description: string): void {
    this.faults.push(description);
  }

  /** Side actions started from inside a request (a push during landing): waited for before settling. */
  track(action: Promise<unknown>): void {
    this.#pending.add(action);
    void action.finally(() => this.#pending.delete(action));
  }

  async drain(): Promise<void> {
    while (this.#pending.size > 0) await Promise.allSettled([...this.#pending]);
  }
}
