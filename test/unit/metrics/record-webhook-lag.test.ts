import { describe, expect, it } from '@jest/globals';
import { recordWebhookLag } from '../../../src/metrics/record-webhook-lag.js';
import { sampleValue } from '../../support/parse-prometheus-text.js';
import { scrapeSamples, someMetrics } from './support.js';

const receivedAt = Date.parse('2026-03-01T12:00:10Z');

async function lagOf(event: string, payload: unknown, nowMs = receivedAt) {
  const metrics = someMetrics();
  recordWebhookLag(metrics, event, payload, nowMs);
  const samples = await scrapeSamples(metrics);
  return {
    count: sampleValue(samples, 'sluice_webhook_lag_seconds_count', { event }) ?? 0,
    sum: sampleValue(samples, 'sluice_webhook_lag_seconds_sum', { event }),
  };
}

describe('webhook delivery lag', () => {
  it('measures from the time the payload gives for the event it reports', async () => {
    const at = '2026-03-01T12:00:04Z';
    const cases: [string, object][] = [
      ['pull_request', { action: 'labeled', pull_request: { updated_at: at } }],
      ['pull_request_review', { action: 'submitted', review: { submitted_at: at } }],
      ['issue_comment', { action: 'created', comment: { created_at: at } }],
      ['check_run', { action: 'completed', check_run: { completed_at: at, started_at: 'x' } }],
      ['check_run', { action: 'created', check_run: { started_at: at, completed_at: null } }],
      ['check_suite', { action: 'completed', check_suite: { updated_at: at } }],
      ['status', { updated_at: at }],
      ['workflow_job', { action: 'in_progress', workflow_job: { started_at: at } }],
      ['push', { repository: { pushed_at: Date.parse(at) / 1000 } }],
      ['branch_protection_rule', { action: 'edited', rule: { updated_at: at } }],
      ['repository_ruleset', { action: 'edited', repository_ruleset: { updated_at: at } }],
    ];
    for (const [event, payload] of cases)
      expect({ event, ...(await lagOf(event, payload)) }).toEqual({ event, count: 1, sum: 6 });
  });

  it('observes nothing for an event without a time of its own', async () => {
    expect(await lagOf('check_run', { action: 'rerequested', check_run: {} })).toMatchObject({
      count: 0,
    });
    expect(
      await lagOf('pull_request', { pull_request: { updated_at: 'not a date' } }),
    ).toMatchObject({ count: 0 });
    expect(await lagOf('installation', { installation: { updated_at: 'x' } })).toMatchObject({
      count: 0,
    });
    expect(await lagOf('status', null)).toMatchObject({ count: 0 });
  });

  it('counts an event stamped after its receipt (a clock behind GitHub) as no lag', async () => {
    const payload = { action: 'labeled', pull_request: { updated_at: '2026-03-01T12:00:30Z' } };
    expect(await lagOf('pull_request', payload)).toEqual({ count: 1, sum: 0 });
  });
});
