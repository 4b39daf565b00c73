import type { IdKind } from './types.js';

/** Each kind of object gets its own sequence, from a distinct range so ids never collide across kinds in logs. */
const bases: Record<IdKind, number> = {
  account: 1_000,
  app: 4_200,
  installation: 70_000,
  repo: 500_000,
  issue: 2_000_000,
  issue_event: 2_500_000,
  comment: 3_000_000,
  label: 4_000_000,
  review: 5_000_000,
  check_run: 10_000_000,
  check_suite: 20_000_000,
  status: 30_000_000,
  workflow: 40_000_000,
  run: 50_000_000,
  job: 60_000_000,
  ruleset: 900,
};

export class IdSequence {
  readonly #next = new Map<IdKind, number>();

  next(kind: IdKind): number {
    const id = this.#next.get(kind) ?? bases[kind] + 1;
    this.#next.set(kind, id + 1);
    return id;
  }
}

/** GitHub's global node ids are opaque; tests only need them stable and unique. */
export function nodeId(prefix: string, id: number): string {
  return `${prefix}_kgDO${id.toString(36).toUpperCase()}`;
}
