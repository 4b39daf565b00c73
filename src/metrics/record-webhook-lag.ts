import type { SluiceMetrics } from './sluice-metrics.js';

type Payload = Record<string, unknown>;

/**
 * Where each event says when it happened. GitHub sends no delivery timestamp (its headers are
 * the event, the delivery id, the hook and the signature), so the lag is measured from the
 * event's own time: the action the delivery reports, to the second.
 */
const eventTimes: Record<string, (payload: Payload) => unknown> = {
  pull_request: (p) => field(p, 'pull_request', 'updated_at'),
  pull_request_review: (p) => field(p, 'review', 'submitted_at'),
  issue_comment: (p) => field(p, 'comment', 'created_at'),
  check_run: (p) =>
    p.action === 'completed'
      ? field(p, 'check_run', 'completed_at')
      : p.action === 'created'
        ? field(p, 'check_run', 'started_at')
        : undefined,
  check_suite: (p) => field(p, 'check_suite', 'updated_at'),
  status: (p) => p.updated_at,
  workflow_job: (p) =>
    p.action === 'in_progress' ? field(p, 'workflow_job', 'started_at') : undefined,
  // Epoch seconds in push payloads, where every other timestamp is ISO 8601.
  push: (p) => field(p, 'repository', 'pushed_at'),
  branch_protection_rule: (p) => field(p, 'rule', 'updated_at'),
  repository_ruleset: (p) => field(p, 'repository_ruleset', 'updated_at'),
};

/**
 * Observes how long ago the delivered event happened, by the wall clock (never the app's
 * test clock). A clock behind GitHub's would make it negative: counted as 0.
 */
export function recordWebhookLag(
  metrics: SluiceMetrics,
  event: string,
  payload: unknown,
  nowMs: number = Date.now(),
): void {
  const read = eventTimes[event];
  if (!read || typeof payload !== 'object' || payload === null) return;
  const at = timeOf(read(payload as Payload));
  if (at === undefined) return;
  metrics.webhookLag.observe({ event }, Math.max(0, nowMs - at) / 1000);
}

function field(payload: Payload, object: string, key: string): unknown {
  const value = payload[object];
  return typeof value === 'object' && value !== null ? (value as Payload)[key] : undefined;
}

function timeOf(value: unknown): number | undefined {
  const ms =
    typeof value === 'number' ? value * 1000 : typeof value === 'string' ? Date.parse(value) : NaN;
  return Number.isFinite(ms) ? ms : undefined;
}
