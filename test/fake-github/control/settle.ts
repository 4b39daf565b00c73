import type { World } from '../world/world.js';
import type { WebhookDispatcher } from '../webhooks/dispatcher.js';

export interface SettleOptions {
  /** How long no API request and no delivery must happen before we call it settled. */
  quietMs?: number;
  /** Give up (and say what was still moving) after this long. */
  timeoutMs?: number;
  /** Extra "is the app idle?" probes, e.g. an app's test-only idle endpoint. */
  probes?: (() => Promise<boolean>)[];
  /** Other background work of the stand-in (the CI engine). */
  busy?: (() => boolean)[];
}

/**
 * Waits until the stand-in and the app have gone quiet: no delivery queued or in flight, no
 * API request for `quietMs`, background work done, and every probe reporting idle. HTTP
 * silence alone is not enough when the app polls on timers — hence the probes.
 */
export async function settle(
  world: World,
  deliveries: WebhookDispatcher,
  options: SettleOptions = {},
): Promise<void> {
  const quietMs = options.quietMs ?? 100;
  const deadline = Date.now() + (options.timeoutMs ?? 20_000);
  let lastSeen = -1;
  let quietSince = Date.now();
  for (;;) {
    await deliveries.idle.wait();
    const activity = world.requests.length + deliveries.records.length;
    if (activity !== lastSeen) {
      lastSeen = activity;
      quietSince = Date.now();
    }
    const busy = (options.busy ?? []).some((b) => b());
    const probesIdle = busy
      ? false
      : (await Promise.all((options.probes ?? []).map((p) => p()))).every(Boolean);
    if (!busy && probesIdle && Date.now() - quietSince >= quietMs) return;
    if (Date.now() > deadline)
      throw new Error(`fake-github: did not settle\n${describeActivity(world, deliveries)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The tail of the traffic, for a timeout or failure message that says what was happening. */
export function describeActivity(world: World, deliveries: WebhookDispatcher, tail = 25): string {
  const requests = world.requests
    .slice(-tail)
    .map(
      (r) =>
        `  ${r.method} ${r.path} -> ${r.status} (${r.operationId ?? '?'}, ${r.caller}, ${r.ms} ms)`,
    );
  const sent = deliveries.records
    .slice(-tail)
    .map(
      (d) =>
        `  #${d.seq} ${d.event}${d.action ? `.${d.action}` : ''} -> ${d.state} ${d.status ?? ''} ${d.error ?? ''}`,
    );
  return [`last requests:`, ...requests, `last deliveries:`, ...sent].join('\n');
}
