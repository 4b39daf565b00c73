/**
 * GraphQL node ids of the repository, its PRs and labels: what a mutation names them by.
 * Every webhook carries the ids of what it is about, so they are learned there, not read; a
 * PR's and the repository's never change. A label deleted and made again has a new id: a
 * write that finds an id wrong forgets it (`forgetLabel`) and goes through REST by name.
 */
export class NodeIds {
  repository: string | undefined;
  readonly #pulls = new Map<number, string>();
  readonly #labels = new Map<string, string>();

  pull(number: number): string | undefined {
    return this.#pulls.get(number);
  }

  /** Label names are case-insensitive on GitHub. */
  label(name: string): string | undefined {
    return this.#labels.get(name.toLowerCase());
  }

  learn(ids: {
    repository?: string | undefined;
    pull?: { number: number; id: string | undefined };
    labels?: readonly { name?: string | undefined; node_id?: string | undefined }[];
  }): void {
    if (ids.repository) this.repository = ids.repository;
    if (ids.pull?.id) this.#pulls.set(ids.pull.number, ids.pull.id);
    for (const label of ids.labels ?? [])
      if (label.name && label.node_id) this.#labels.set(label.name.toLowerCase(), label.node_id);
  }

  forgetLabel(name: string): void {
    this.#labels.delete(name.toLowerCase());
  }
}
