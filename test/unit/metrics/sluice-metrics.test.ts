import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { register } from 'prom-client';
import { LeaseLostError } from '../../../src/reconcile/lease-lost-error.js';
import { readMetricsEnv } from '../../../src/runtime/runtime-env.js';
import type { ActiveEntryCount } from '../../../src/store/types.js';
import { sampleValue } from '../../support/parse-prometheus-text.js';
import { aLog, scrapeSamples, someMetrics } from './support.js';

const root = resolve(import.meta.dirname, '../../..');
const widgets = { repo: 'acme/widgets', base: 'main' };

/** `| \`name\` | type | \`a\`, \`b\` | meaning |` rows of docs/metrics.md. */
async function documentedMetrics(): Promise<Map<string, { type: string; labels: string[] }>> {
  const text = await readFile(resolve(root, 'docs/metrics.md'), 'utf8');
  const rows = text.matchAll(/^\| `(sluice_\w+)` +\| (\w+) +\| ([^|]*)\|/gm);
  return new Map(
    [...rows].map(([, name, type, labels]) => [
      name!,
      { type: type!, labels: [...labels!.matchAll(/`(\w+)`/g)].map((m) => m[1]!) },
    ]),
  );
}

describe('the metrics registry', () => {
  it("is Sluice's own, with Node's process metrics beside Sluice's", async () => {
    const metrics = someMetrics();
    const names = metrics.registry.getMetricsAsArray().map((m) => m.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'process_cpu_seconds_total',
        'process_resident_memory_bytes',
        'nodejs_eventloop_lag_seconds',
        'sluice_prs_merged_total',
      ]),
    );
    expect(register.getMetricsAsArray().map((m) => m.name)).not.toContain(
      'sluice_prs_merged_total',
    );
    expect((await metrics.exposition()).contentType).toBe(
      'text/plain; version=0.0.4; charset=utf-8',
    );
  });

  it('names every metric by Prometheus conventions and documents each one as it is', async () => {
    const documented = await documentedMetrics();
    const ours = someMetrics()
      .registry.getMetricsAsArray()
      .filter((m) => m.name.startsWith('sluice_'));
    for (const metric of ours) {
      const type = String(metric.type);
      if (type === 'counter') expect(metric.name).toMatch(/_total$/);
      if (type === 'histogram') expect(metric.name).toMatch(/_seconds$/);
      if (type === 'gauge') expect(metric.name).not.toMatch(/_total$|_seconds$/);
      const labels = (metric as unknown as { labelNames: string[] }).labelNames;
      expect({ name: metric.name, ...documented.get(metric.name) }).toEqual({
        name: metric.name,
        type,
        labels,
      });
    }
    expect([...documented.keys()].sort()).toEqual(ours.map((m) => m.name).sort());
  });

  it('reads the queue depth from the store at every scrape; an emptied queue reads zeros', async () => {
    let counts: ActiveEntryCount[] = [
      { ...widgets, state: 'queued', count: 3 },
      { ...widgets, state: 'testing', count: 1 },
    ];
    const metrics = someMetrics(() => Promise.resolve(counts));
    const depth = async (state: string) =>
      sampleValue(await scrapeSamples(metrics), 'sluice_queue_depth', { ...widgets, state });

    expect(await depth('queued')).toBe(3);
    expect(await depth('testing')).toBe(1);
    expect(await depth('landing')).toBe(0);
    expect(await depth('blocked')).toBe(0);
    counts = [];
    expect(await depth('queued')).toBe(0);
    expect(await depth('testing')).toBe(0);
  });

  it('leaves the depth out when the store fails, and still serves everything else', async () => {
    const log = aLog();
    const metrics = someMetrics(() => Promise.reject(new Error('connection refused')), log);
    metrics.merged.inc(widgets);

    const samples = await scrapeSamples(metrics);
    expect(samples.filter((s) => s.name === 'sluice_queue_depth')).toEqual([]);
    expect(sampleValue(samples, 'sluice_prs_merged_total', widgets)).toBe(1);
    expect(log.lines).toContainEqual(
      expect.objectContaining({
        level: 'warn',
        msg: 'could not read the queue depth for /metrics',
      }),
    );
  });

  it('times every reconcile and counts failed ones, but not a lease handed over', async () => {
    const metrics = someMetrics();
    await metrics.timeReconcile(widgets, () => Promise.resolve());
    await expect(
      metrics.timeReconcile(widgets, () => Promise.reject(new Error('boom'))),
    ).rejects.toThrow('boom');
    const lost = new LeaseLostError({
      name: 'reconcile:acme/widgets:main',
      holder: 'a',
      generation: 1,
    });
    await expect(metrics.timeReconcile(widgets, () => Promise.reject(lost))).rejects.toBe(lost);

    const samples = await scrapeSamples(metrics);
    expect(sampleValue(samples, 'sluice_reconcile_duration_seconds_count', widgets)).toBe(3);
    expect(sampleValue(samples, 'sluice_reconcile_errors_total', widgets)).toBe(1);
  });
});

describe('the metrics token setting', () => {
  it('turns /metrics off when unset or empty', () => {
    expect(readMetricsEnv({})).toEqual({ token: undefined });
    expect(readMetricsEnv({ SLUICE_METRICS_TOKEN: '' })).toEqual({ token: undefined });
  });

  it('takes a long token as it is', () => {
    const token = '0123456789abcdef0123456789abcdef';
    expect(readMetricsEnv({ SLUICE_METRICS_TOKEN: token })).toEqual({ token });
  });

  it('refuses a short token or one with spaces, saying how to make one', () => {
    for (const token of ['short', 'sixteen chars ok'])
      expect(() => readMetricsEnv({ SLUICE_METRICS_TOKEN: token })).toThrow(
        'SLUICE_METRICS_TOKEN must be at least 16 characters without spaces; ' +
          'generate one with `openssl rand -hex 32`, or unset it to turn /metrics off',
      );
  });
});
