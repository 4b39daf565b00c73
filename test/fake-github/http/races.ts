/**
 * Ref races: something else moves a ref between the handler's read and its write, as when a
 * human pushes to base while GitHub computes a merge. Handlers that read-then-write a ref call
 * `run(op)` at that point. `arrival:<op>` runs as a request for `op` arrives, before its
 * handler reads anything: a push between the caller's last read and its write.
 */
export interface RaceRule {
  op: string;
  times: number;
  act(): Promise<void>;
}

export class RaceTable {
  readonly #rules: RaceRule[] = [];

  add(op: string, act: () => Promise<void>, times = 1): void {
    this.#rules.push({ op, act, times });
  }

  async run(op: string): Promise<void> {
    const rule = this.#rules.find((r) => r.op === op && r.times > 0);
    if (!rule) return;
    rule.times--;
    await rule.act();
  }
}
