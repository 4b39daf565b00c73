import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { LeaseLostError } from '../reconcile/lease-lost-error.js';
import type { Log, QueueKey } from '../reconcile/types.js';
import type { ActiveEntryCount } from '../store/types.js';
import { collectQueueDepth } from './queue-depth.js';

const minute = 60;
const hour = 60 * minute;

export interface SluiceMetricsOptions {
  /** Active entries per queue and state, read from the store at every scrape. */
  countActive(): Promise<ActiveEntryCount[]>;
  log: Log;
}

/**
 * Every metric Sluice exports, in a registry of its own (plus Node's process metrics), so
 * nothing a library puts in prom-client's global registry is served. Each one is described in
 * docs/metrics.md. Labels hold bounded values only: repositories and base branches Sluice
 * serves, states, reasons and gate classes from closed sets, operation names from the code.
 */
export class SluiceMetrics {
  readonly registry = new Registry();

  readonly queueDepth: Gauge<'repo' | 'base' | 'state'>;

  readonly merged = new Counter({
    name: 'sluice_prs_merged_total',
    help: 'Queued pull requests that ended merged (landed by Sluice, or merged by hand while queued).',
    labelNames: ['repo', 'base'] as const,
    registers: [this.registry],
  });

  readonly dequeued = new Counter({
    name: 'sluice_prs_dequeued_total',
    help: 'Pull requests that left the queue without landing, by reason and failing gate class.',
    labelNames: ['repo', 'base', 'reason', 'gate_class'] as const,
    registers: [this.registry],
  });

  readonly queuedToMerged = new Histogram({
    name: 'sluice_pr_queued_to_merged_seconds',
    help: 'Time from a pull request entering the queue to its entry ending merged.',
    labelNames: ['repo', 'base'] as const,
    buckets: [
      minute,
      5 * minute,
      15 * minute,
      30 * minute,
      hour,
      2 * hour,
      4 * hour,
      8 * hour,
      24 * hour,
    ],
    registers: [this.registry],
  });

  readonly stagingCi = new Histogram({
    name: 'sluice_staging_ci_duration_seconds',
    help: 'Time from a staging being pushed to the verdict on its checks that Sluice acted on.',
    labelNames: ['repo', 'base', 'outcome'] as const,
    buckets: [30, minute, 2 * minute, 5 * minute, 10 * minute, 20 * minute, 30 * minute, hour],
    registers: [this.registry],
  });

  readonly retries = new Counter({
    name: 'sluice_staging_retries_total',
    help: "Re-runs of a staging's failed jobs (failures of a class configured to retry).",
    labelNames: ['repo', 'base'] as const,
    registers: [this.registry],
  });

  readonly flakes = new Counter({
    name: 'sluice_staging_flakes_total',
    help: 'Check failures that a re-run of the same staging commit turned green.',
    labelNames: ['repo', 'base', 'gate_class'] as const,
    registers: [this.registry],
  });

  readonly githubRequests = new Counter({
    name: 'sluice_github_requests_total',
    help: "GitHub API requests by Sluice's operation name and HTTP status (none: no answer).",
    labelNames: ['operation', 'status'] as const,
    registers: [this.registry],
  });

  readonly rateLimitRemaining = new Gauge({
    name: 'sluice_github_rate_limit_remaining',
    help: 'Requests left in the rate limit window, from the latest x-ratelimit-remaining header.',
    labelNames: ['account', 'resource'] as const,
    registers: [this.registry],
  });

  readonly reconcileDuration = new Histogram({
    name: 'sluice_reconcile_duration_seconds',
    help: 'Wall time of one reconcile of a queue (observe, decide, act until settled).',
    labelNames: ['repo', 'base'] as const,
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, minute],
    registers: [this.registry],
  });

  readonly reconcileErrors = new Counter({
    name: 'sluice_reconcile_errors_total',
    help: 'Reconciles that failed with an error (the next trigger or sweep retries).',
    labelNames: ['repo', 'base'] as const,
    registers: [this.registry],
  });

  readonly webhookLag = new Histogram({
    name: 'sluice_webhook_lag_seconds',
    help: "Time from the event a webhook reports (the payload's own timestamp) to its receipt.",
    labelNames: ['event'] as const,
    buckets: [1, 2, 5, 10, 30, minute, 5 * minute, 30 * minute],
    registers: [this.registry],
  });

  readonly leaseHeld = new Gauge({
    name: 'sluice_queue_lease_held',
    help: "1 while this replica holds the queue's lease (during a reconcile of it), 0 otherwise.",
    labelNames: ['repo', 'base'] as const,
    registers: [this.registry],
  });

  constructor(options: SluiceMetricsOptions) {
    const known = new Set<string>();
    this.queueDepth = new Gauge({
      name: 'sluice_queue_depth',
      help: 'Active queue entries by state, read from the store (the same on every replica).',
      labelNames: ['repo', 'base', 'state'] as const,
      registers: [this.registry],
      async collect() {
        await collectQueueDepth(this, { ...options, known });
      },
    });
    collectDefaultMetrics({ register: this.registry });
  }

  /** Times one reconcile and counts it if it fails; losing the lease is a handover, not one. */
  async timeReconcile<T>(queue: QueueKey, work: () => Promise<T>): Promise<T> {
    const labels = { repo: queue.repo, base: queue.base };
    const end = this.reconcileDuration.startTimer(labels);
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof LeaseLostError)) this.reconcileErrors.inc(labels);
      throw error;
    } finally {
      end();
    }
  }

  /** The text a scrape answers, and its content type. */
  async exposition(): Promise<{ body: string; contentType: string }> {
    return { body: await this.registry.metrics(), contentType: this.registry.contentType };
  }
}
