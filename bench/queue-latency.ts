/**
 * Webhook-to-first-API-call latency: from the moment the local GitHub starts sending a
 * `pull_request.labeled` delivery to the arrival of the app's first API request after it.
 * Labels are added one at a time with the app idle in between, so the first request after a
 * delivery can only be the app acting on it. Both timestamps are the stand-in's real clock.
 */
import type { Scenario } from '../test/e2e/support/scenario.js';
import { openPulls, queueLabel, startQueueScenario } from './queue-drive.js';

export interface LatencySample {
  pr: number;
  /** Delivery sent → first API request arrived. */
  firstCallMs: number;
  /** What that first request was (`METHOD operationId`). */
  firstCall: string;
  /** Delivery sent → the app answered it. */
  answeredMs: number;
}

/** Labels `labels` PRs one by one on a fresh app process and times each delivery. */
export async function measureLatency(labels: number): Promise<LatencySample[]> {
  const s = await startQueueScenario();
  try {
    const numbers = await openPulls(s, labels);
    await s.settle();
    const samples: LatencySample[] = [];
    for (const number of numbers) samples.push(await timeOneLabel(s, number));
    return samples;
  } finally {
    await s.stop();
  }
}

async function timeOneLabel(s: Scenario, number: number): Promise<LatencySample> {
  const { records } = s.gh.deliveries;
  const { requests } = s.gh.world;
  const fromDelivery = records.length;
  const fromRequest = requests.length;
  await s.repo.label(number, queueLabel, 'maintainer');
  await s.settle();
  const delivery = records
    .slice(fromDelivery)
    .find(
      (d) =>
        d.event === 'pull_request' &&
        d.action === 'labeled' &&
        (d.payload as { number?: number }).number === number,
    );
  if (delivery?.sentAtMs == null || delivery.durationMs === null || delivery.state !== 'delivered')
    throw new Error(`no delivered pull_request.labeled for #${number}`);
  const sentAt = delivery.sentAtMs;
  const first = requests
    .slice(fromRequest)
    .filter((r) => r.arrivedAtMs >= sentAt)
    .sort((a, b) => a.arrivedAtMs - b.arrivedAtMs)[0];
  if (!first) throw new Error(`the app made no API request after labeling #${number}`);
  const earlier = records.slice(fromDelivery).filter((d) => d !== delivery && d.seq < delivery.seq);
  if (earlier.length > 0) throw new Error(`#${number}: another delivery went out first`);
  return {
    pr: number,
    firstCallMs: first.arrivedAtMs - sentAt,
    firstCall: `${first.method} ${first.operationId ?? first.path}`,
    answeredMs: delivery.durationMs,
  };
}
