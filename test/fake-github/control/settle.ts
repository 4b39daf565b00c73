import type { World } from '../world/world.js';
import type { WebhookDispatcher } from '../webhooks/dispatcher.js';
import type { DeliveryRecord } from '../webhooks/delivery.js';
import type { ProgressSource } from './progress-watch.js';
import { waitForProgress } from './wait-for-progress.js';

/** An "is the app idle?" check, e.g. an app's health endpoint. */
export interface SettleProbe {
  /** How a message names what is not idle: "the app". */
  name: string;
  idle(): Promise<boolean>;
}

export interface SettleOptions {
  /** How long no API request and no delivery must happen before we call it settled. */
  quietMs?: number;
  /**
   * Give up after this long without any progress (a request, a delivery, a source below
   * moving); defaults to SLUICE_STALL_MS or 120 s. Elapsed time alone never fails a settle.
   */
  stallMs?: number;
  /** Extra "is the app idle?" probes, e.g. an app's test-only idle endpoint. */
  probes?: SettleProbe[];
  /** Other background work of the stand-in (the CI engine). */
  busy?: (() => boolean)[];
  /** More that counts as progress while waiting (an app's log). */
  progress?: ProgressSource[];
  /** Told what settle still waits for when it takes long (every 10 s). */
  onSlow?: (report: string) => void;
  /** Extra detail for the failure message (an app's log). */
  describe?: () => string;
}

/**
 * Waits until the stand-in and the app have gone quiet: no delivery queued or in flight, no
 * API request for `quietMs`, background work done, and every probe reporting idle. HTTP
 * silence alone is not enough when the app polls on timers — hence the probes. A busy machine
 * makes this slow, never wrong: it fails only when nothing at all moves for the stall period.
 */
export async function settle(
  world: World,
  deliveries: WebhookDispatcher,
  options: SettleOptions = {},
): Promise<void> {
  const quietMs = options.quietMs ?? 100;
  const traffic = trafficSources(world, deliveries);
  let seen = readAll(traffic);
  let quietSince = Date.now();
  const outstanding = async (): Promise<string[]> => {
    const now = readAll(traffic);
    if (now !== seen) [seen, quietSince] = [now, Date.now()];
    if (deliveries.idle.busy) return [`deliveries to be answered: ${unanswered(deliveries)}`];
    if ((options.busy ?? []).some((b) => b())) return ['background work of the stand-in (CI)'];
    const probes = options.probes ?? [];
    const idle = await Promise.all(probes.map((p) => p.idle()));
    const busyProbes = probes.filter((_, i) => !idle[i]).map((p) => `${p.name} to be idle`);
    if (busyProbes.length > 0) return busyProbes;
    const quietFor = Date.now() - quietSince;
    return quietFor >= quietMs ? [] : [`API traffic and deliveries quiet for ${quietMs} ms`];
  };
  await waitForProgress({
    what: 'the stand-in and the app to settle',
    outstanding,
    sources: [...traffic, ...(options.progress ?? [])],
    describe: () =>
      [describeActivity(world, deliveries), ...(options.describe ? [options.describe()] : [])].join(
        '\n',
      ),
    ...(options.stallMs === undefined ? {} : { stallMs: options.stallMs }),
    ...(options.onSlow ? { onSlow: options.onSlow } : {}),
  });
}

/** The stand-in's own traffic: every request served and every delivery's state. */
function trafficSources(world: World, deliveries: WebhookDispatcher): ProgressSource[] {
  return [
    {
      name: 'API request',
      read: () => {
        const last = world.requests.at(-1);
        return last
          ? `#${world.requests.length} ${last.method} ${last.path} -> ${last.status}`
          : 'none';
      },
    },
    {
      name: 'webhook delivery',
      read: () => {
        const records = deliveries.records;
        const answered = records.filter((r) => r.state === 'delivered' || r.state === 'failed');
        const newest = records.at(-1);
        return `${answered.length} of ${records.length} answered${newest ? `, newest ${describeDelivery(newest)}` : ''}`;
      },
    },
  ];
}

function readAll(sources: ProgressSource[]): string {
  return sources.map((s) => s.read()).join('\n');
}

function describeDelivery(d: DeliveryRecord): string {
  return `#${d.seq} ${d.event}${d.action ? `.${d.action}` : ''} ${d.state}${d.status === null ? '' : ` ${d.status}`}`;
}

function unanswered(deliveries: WebhookDispatcher): string {
  const open = deliveries.records.filter((r) => r.state === 'queued' || r.state === 'in-flight');
  return open.slice(0, 5).map(describeDelivery).join(', ') || 'a delayed delivery';
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
