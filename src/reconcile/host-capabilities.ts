/**
 * What the GitHub host behind an installation can do, learned from its answers. GHES before
 * 3.16 lacks the `updateRefs` mutation; the first landing that finds it missing says so once,
 * and later landings take the two-step path without asking again. Likewise a host whose
 * GraphQL refuses the check-run or label mutations gets its notices through REST, one by one.
 */
export class HostCapabilities {
  #updateRefs: boolean | undefined;
  #noticeMutations: boolean | undefined;

  /** `undefined` until a batch of notices has tried them. */
  get noticeMutations(): boolean | undefined {
    return this.#noticeMutations;
  }

  learnNoticeMutations(supported: boolean): void {
    this.#noticeMutations = supported;
  }

  /** `undefined` until a landing has tried it. */
  get updateRefs(): boolean | undefined {
    return this.#updateRefs;
  }

  learnUpdateRefs(supported: boolean): void {
    this.#updateRefs = supported;
  }
}
