import { randomUUID } from 'node:crypto';
import type { ChaosRule, DeliveryRecord, DeliveryRequest } from './delivery.js';
import { signSha1, signSha256 } from './sign.js';
import { Idle } from '../world/idle.js';

export interface DispatcherOptions {
  /** Validates a payload against the spec; returns error strings. */
  validate(event: string, action: string | undefined, payload: unknown): string[];
  onViolation(kind: 'bad-webhook' | 'webhook-failed', subject: string, detail: string): void;
  onSent?(record: DeliveryRecord): void;
  /** GitHub gives up after 10 s. */
  timeoutMs?: number;
}

/**
 * Delivers webhooks one at a time per app, in order, awaiting each response, like GitHub's
 * hookshot. Chaos rules drop, duplicate, delay or hold deliveries; GitHub never retries a
 * failed delivery to an app on its own, and neither does this: tests call `redeliver`.
 */
export class WebhookDispatcher {
  readonly records: DeliveryRecord[] = [];
  readonly #queues = new Map<number, DeliveryRecord[]>();
  readonly #busy = new Set<number>();
  readonly #rules: ChaosRule[] = [];
  readonly #held: DeliveryRecord[] = [];
  readonly #requests = new Map<number, DeliveryRequest>();
  readonly idle = new Idle();
  #seq = 0;

  constructor(private readonly options: DispatcherOptions) {}

  /**
   * Deliveries that failed so far were meant to (the app was down on purpose): the end-of-test
   * check does not count them. Later failures still count.
   */
  expectFailuresSoFar(): void {
    for (const record of this.records) if (record.state === 'failed') record.expectedToFail = true;
  }

  addChaos(rule: ChaosRule): void {
    this.#rules.push({ ...rule });
  }

  clearChaos(): void {
    this.#rules.length = 0;
  }

  enqueue(
    request: DeliveryRequest,
    opts: { guid?: string; redelivery?: boolean; chaos?: boolean } = {},
  ): DeliveryRecord {
    const body = JSON.stringify(request.payload);
    const guid = opts.guid ?? randomUUID();
    const errors = this.options.validate(request.event, request.action, request.payload);
    const key = request.action ? `${request.event}.${request.action}` : request.event;
    if (errors.length > 0) this.options.onViolation('bad-webhook', key, errors.join('\n'));
    const record: DeliveryRecord = {
      seq: ++this.#seq,
      guid,
      appId: request.app.id,
      installationId: request.installation.id,
      event: request.event,
      action: request.action,
      payload: request.payload,
      body,
      headers: {
        'content-type': 'application/json',
        'user-agent': 'GitHub-Hookshot/fake',
        'x-github-event': request.event,
        'x-github-delivery': guid,
        'x-github-hook-id': String(request.app.id * 10),
        'x-github-hook-installation-target-type': 'integration',
        'x-github-hook-installation-target-id': String(request.app.id),
        'x-hub-signature': signSha1(request.app.webhookSecret, body),
        'x-hub-signature-256': signSha256(request.app.webhookSecret, body),
      },
      state: 'queued',
      status: null,
      error: null,
      durationMs: null,
      sentAtMs: null,
      redelivery: opts.redelivery ?? false,
      expectedToFail: false,
    };
    this.records.push(record);
    this.#requests.set(record.seq, request);
    if (opts.chaos === false) this.#push(record);
    else this.#applyChaos(record);
    return record;
  }

  /** Sends a recorded delivery again with the same `X-GitHub-Delivery`, as GitHub's "Redeliver" does. */
  redeliver(seqOrGuid: number | string): DeliveryRecord {
    const original = this.records.find((r) => r.seq === seqOrGuid || r.guid === seqOrGuid);
    const request = original && this.#requests.get(original.seq);
    if (!original || !request) throw new Error(`fake-github: no delivery ${seqOrGuid}`);
    return this.enqueue(request, { guid: original.guid, redelivery: true, chaos: false });
  }

  /** Releases held deliveries, optionally in reverse order (to test reordering). */
  releaseHeld(order: 'fifo' | 'reverse' = 'fifo'): number {
    const held = this.#held.splice(0);
    if (order === 'reverse') held.reverse();
    for (const record of held) this.#push(record);
    return held.length;
  }

  #applyChaos(record: DeliveryRecord): void {
    const rule = this.#rules.find(
      (r) =>
        (r.times === undefined || r.times > 0) &&
        (r.event === undefined || r.event === record.event) &&
        (r.action === undefined || r.action === record.action),
    );
    if (rule?.times !== undefined) rule.times--;
    const effect = rule?.effect;
    if (!effect) return this.#push(record);
    switch (effect.kind) {
      case 'drop':
        record.state = 'dropped';
        return;
      case 'duplicate':
        this.#push(record);
        this.redeliver(record.seq);
        return;
      case 'delay':
        void this.idle.track(
          new Promise<void>((resolve) =>
            setTimeout(() => (this.#push(record), resolve()), effect.ms),
          ),
        );
        return;
      case 'hold':
        record.state = 'held';
        this.#held.push(record);
        return;
    }
  }

  #push(record: DeliveryRecord): void {
    record.state = 'queued';
    const queue = this.#queues.get(record.appId) ?? [];
    queue.push(record);
    this.#queues.set(record.appId, queue);
    void this.idle.track(this.#drain(record.appId));
  }

  async #drain(appId: number): Promise<void> {
    if (this.#busy.has(appId)) return;
    this.#busy.add(appId);
    try {
      const queue = this.#queues.get(appId) ?? [];
      for (let record = queue.shift(); record; record = queue.shift()) await this.#send(record);
    } finally {
      this.#busy.delete(appId);
    }
  }

  async #send(record: DeliveryRecord): Promise<void> {
    const request = this.#requests.get(record.seq);
    const target = request?.installation.webhookTarget;
    record.state = 'in-flight';
    const started = performance.now();
    record.sentAtMs = performance.timeOrigin + started;
    try {
      if (!target) throw new Error('the installation has no webhook target');
      const answer =
        target.kind === 'receiver'
          ? await target.receive({
              id: record.guid,
              event: record.event,
              headers: record.headers,
              body: record.body,
            })
          : await this.#post(target.url, record);
      record.status = answer.status;
      record.state = answer.status < 400 ? 'delivered' : 'failed';
      if (answer.status >= 400) record.error = answer.body?.slice(0, 500) ?? null;
    } catch (error) {
      record.state = 'failed';
      record.error = error instanceof Error ? error.message : String(error);
    }
    record.durationMs = Math.round(performance.now() - started);
    if (record.state === 'failed' && !record.expectedToFail) {
      const key = record.action ? `${record.event}.${record.action}` : record.event;
      this.options.onViolation(
        'webhook-failed',
        key,
        `${record.status ?? 'no answer'}: ${record.error ?? ''}`,
      );
    }
    this.options.onSent?.(record);
  }

  async #post(url: string, record: DeliveryRecord): Promise<{ status: number; body?: string }> {
    const response = await fetch(url, {
      method: 'POST',
      headers: record.headers,
      body: record.body,
      signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
    });
    return { status: response.status, body: await response.text() };
  }
}
