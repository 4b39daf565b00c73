import { afterEach, describe, expect, it } from '@jest/globals';
import { startScenario, type Scenario } from './support/scenario.js';
import { stagingCi } from './support/ci-scripts.js';
import { openPull } from './support/pulls.js';
import { parsePrometheusText, sampleValue, type Sample } from '../support/parse-prometheus-text.js';

const token = 'e2e-metrics-token-0123456789abcdef';
const widgets = { repo: 'acme/widgets', base: 'main' };

async function scrape(s: Scenario, authorization = `Bearer ${token}`): Promise<Response> {
  return fetch(`${s.app.url}/metrics`, { headers: { authorization } });
}

async function samples(s: Scenario): Promise<Sample[]> {
  const response = await scrape(s);
  expect(response.status).toBe(200);
  return parsePrometheusText(await response.text());
}

/** Active entries of the queue by state, as /metrics reports them. */
function depth(all: Sample[]): Record<string, number | undefined> {
  const states = ['queued', 'testing', 'landing', 'blocked'];
  return Object.fromEntries(
    states.map((state) => [state, sampleValue(all, 'sluice_queue_depth', { ...widgets, state })]),
  );
}

const total = (all: Sample[], name: string) =>
  all.filter((s) => s.name === name).reduce((sum, s) => sum + s.value, 0);

describe('/metrics during a real run', () => {
  let s: Scenario | undefined;
  afterEach(async () => s?.stop());

  it('counts merges, follows the queue depth and GitHub requests, and refuses a scrape without the token', async () => {
    s = await startScenario({
      ci: stagingCi(),
      requiredChecks: ['build', 'test'],
      env: { SLUICE_METRICS_TOKEN: token },
    });
    const refused = await fetch(`${s.app.url}/metrics`);
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toBe('Bearer realm="sluice"');
    expect(await refused.text()).not.toContain('sluice_');
    expect((await scrape(s, `Bearer ${token}-not`)).status).toBe(401);

    const first = await openPull(s, { files: { 'src/one.ts': 'export const one = 1;\n' } });
    await s.repo.label(first.number, 'merge-queue', 'maintainer');
    await s.settle();
    expect(depth(await samples(s))).toEqual({ queued: 0, testing: 1, landing: 0, blocked: 0 });

    const second = await openPull(s, { files: { 'src/two.ts': 'export const two = 2;\n' } });
    await s.repo.label(second.number, 'merge-queue', 'maintainer');
    await s.settle();
    const both = await samples(s);
    expect(total(both, 'sluice_queue_depth')).toBe(2);
    expect(sampleValue(both, 'sluice_prs_merged_total', widgets)).toBeUndefined();

    for (let round = 0; !s.repo.pull(second.number).merged; round++) {
      if (round > 6 || s.repo.pendingCi().length === 0)
        throw new Error(`the queue stopped before landing both\n${s.app.tail()}`);
      await s.repo.finishCi();
      await s.settle();
    }
    expect(s.repo.pull(first.number).merged).toBe(true);

    const done = await samples(s);
    expect(depth(done)).toEqual({ queued: 0, testing: 0, landing: 0, blocked: 0 });
    expect(sampleValue(done, 'sluice_prs_merged_total', widgets)).toBe(2);
    expect(sampleValue(done, 'sluice_pr_queued_to_merged_seconds_count', widgets)).toBe(2);
    expect(
      sampleValue(done, 'sluice_staging_ci_duration_seconds_count', {
        ...widgets,
        outcome: 'passed',
      }),
    ).toBeGreaterThanOrEqual(1);
    expect(sampleValue(done, 'sluice_reconcile_duration_seconds_count', widgets)).toBeGreaterThan(
      0,
    );
    expect(sampleValue(done, 'sluice_reconcile_errors_total', widgets)).toBeUndefined();
    expect(sampleValue(done, 'sluice_queue_lease_held', widgets)).toBe(0);
    expect(
      sampleValue(done, 'sluice_webhook_lag_seconds_count', { event: 'pull_request' }),
    ).toBeGreaterThan(0);
    expect(sampleValue(done, 'process_resident_memory_bytes')).toBeGreaterThan(0);
    expectSaneRequestCounts(s, done);
    s.gh.assertClean();
  });

  it('is off, and says so, when no token is configured', async () => {
    s = await startScenario();
    const off = await scrape(s);
    expect(off.status).toBe(404);
    expect(await off.text()).toBe('metrics are off: set SLUICE_METRICS_TOKEN to serve them\n');
  });
});

/**
 * Every request the local GitHub answered the app is counted once, under GitHub's own
 * operation id (REST) or the query's name (GraphQL), with the status it got; nothing is
 * named by a URL.
 */
function expectSaneRequestCounts(s: Scenario, all: Sample[]): void {
  const requests = all.filter((x) => x.name === 'sluice_github_requests_total');
  expect(requests.length).toBeGreaterThan(0);
  for (const { labels } of requests) {
    expect(labels.operation).toMatch(/^([a-z-]+\/[a-z-]+|graphql Sluice[A-Za-z]+)$/);
    expect(labels.status).toMatch(/^[1-5]\d\d$/);
  }
  const counted = new Map<string, number>();
  for (const { labels, value } of requests) {
    const key = labels.operation!.startsWith('graphql ') ? 'graphql' : labels.operation!;
    const at = `${key} ${labels.status}`;
    counted.set(at, (counted.get(at) ?? 0) + value);
  }
  const answered = new Map<string, number>();
  for (const request of s.gh.world.requests.filter((r) => r.caller !== 'anonymous')) {
    // The stand-in names a GraphQL request by its root fields (`graphql/repository`).
    const operation = request.operationId ?? 'unknown';
    const at = `${operation.startsWith('graphql') ? 'graphql' : operation} ${request.status}`;
    answered.set(at, (answered.get(at) ?? 0) + 1);
  }
  expect(Object.fromEntries(counted)).toEqual(Object.fromEntries(answered));
  const remaining = sampleValue(all, 'sluice_github_rate_limit_remaining', {
    account: 'acme',
    resource: 'core',
  });
  expect(remaining).toBeGreaterThan(0);
  expect(remaining).toBeLessThan(5000);
}
