/**
 * Injected failures. A rule answers in place of (or after) the real handler for matching
 * requests. `when: 'after'` runs the handler first — its writes and webhooks happen — and then
 * replaces the answer: the "unknown outcome" a client sees when GitHub merges and then 502s.
 */
export interface FaultRule {
  /** operationId, e.g. `pulls/merge`. */
  op?: string;
  method?: string;
  /** How many matching requests it applies to; unlimited when absent. */
  times?: number;
  when?: 'before' | 'after';
  status?: number;
  message?: string;
  headers?: Record<string, string>;
  /** Waits this long before answering (real time: the client's timeout is real). */
  delayMs?: number;
  /** Closes the connection without an answer. */
  drop?: boolean;
}

export interface FaultHit {
  rule: FaultRule;
}

export class FaultTable {
  readonly #rules: FaultRule[] = [];

  add(rule: FaultRule): void {
    this.#rules.push({ ...rule });
  }

  clear(): void {
    this.#rules.length = 0;
  }

  /** Finds and consumes the first rule matching this request. */
  take(operationId: string | null, method: string): FaultRule | undefined {
    const rule = this.#rules.find(
      (r) =>
        (r.times === undefined || r.times > 0) &&
        (r.op === undefined || r.op === operationId) &&
        (r.method === undefined || r.method.toUpperCase() === method),
    );
    if (rule?.times !== undefined) rule.times--;
    return rule;
  }
}

/** A secondary rate limit as GitHub answers it (403 with `retry-after`). */
export function secondaryRateLimit(op: string, retryAfterSeconds = 1): FaultRule {
  return {
    op,
    times: 1,
    status: 403,
    message:
      'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID.',
    headers: { 'retry-after': String(retryAfterSeconds) },
  };
}
