/**
 * GitHub API requests per merged PR in the serial happy path, counted from the local GitHub's
 * request log from the first label until the app is idle after the last merge (so the clean-up
 * each landing causes — check run, label, staging branch — is counted too).
 */
import type { RequestLogEntry } from '../test/fake-github/world/logs.js';
import { labelAndLand, openPulls, startQueueScenario } from './queue-drive.js';

export interface RequestCount {
  merged: number;
  /** Every request the app made in the window. */
  total: number;
  /** `METHOD operationId` → requests. */
  byOperation: Map<string, number>;
  /** `METHOD operationId → status` → requests that answered 4xx/5xx. */
  failures: Map<string, number>;
  /** Requests before the first label (start-up, the PRs' `opened` events): not counted. */
  beforeLabel: number;
}

/** A fresh app process lands `prs` PRs queued at once; caches start cold. */
export async function countRequests(prs: number): Promise<RequestCount> {
  const s = await startQueueScenario();
  try {
    const numbers = await openPulls(s, prs);
    await s.settle();
    const from = s.gh.world.requests.length;
    await labelAndLand(s, numbers);
    return tally(s.gh.world.requests, { from, merged: numbers.length });
  } finally {
    await s.stop();
  }
}

/**
 * The serial happy path as the target means it: PRs queued one at a time, each landing
 * before the next is labeled, on a warm process (the first PR lands before counting starts).
 */
export async function countSerialRequests(prs: number): Promise<RequestCount> {
  const s = await startQueueScenario();
  try {
    const [warmUp, ...numbers] = await openPulls(s, prs + 1);
    await s.settle();
    await labelAndLand(s, [warmUp!]);
    const from = s.gh.world.requests.length;
    for (const number of numbers) await labelAndLand(s, [number]);
    return tally(s.gh.world.requests, { from, merged: numbers.length });
  } finally {
    await s.stop();
  }
}

/** Counts the app's requests in a window of the request log. */
export function tally(
  log: RequestLogEntry[],
  window: { from: number; merged: number },
): RequestCount {
  const requests = log.slice(window.from);
  const byApp = requests.filter((r) => r.caller !== 'anonymous');
  if (byApp.length !== requests.length)
    throw new Error('anonymous requests in the window: the count would not be the app alone');
  const byOperation = new Map<string, number>();
  const failures = new Map<string, number>();
  const add = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  for (const r of byApp) {
    const key = `${r.method} ${r.operationId ?? r.path}`;
    add(byOperation, key);
    if (r.status >= 400) add(failures, `${key} → ${r.status}`);
  }
  return {
    merged: window.merged,
    total: byApp.length,
    byOperation,
    failures,
    beforeLabel: window.from,
  };
}
