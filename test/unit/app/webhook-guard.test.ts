import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { WebhookWorld } from './support/webhook-world.js';

const limitBytes = 64 * 1024;
let world: WebhookWorld;
beforeAll(async () => {
  world = await WebhookWorld.start({ limitBytes });
});
afterAll(() => world.close());

const push = {
  ref: 'refs/heads/feature',
  after: 'a'.repeat(40),
  repository: { full_name: 'acme/widgets', default_branch: 'main' },
  installation: { id: 7 },
};

function logsOf(delivery: string): string[] {
  return world.records.filter((r) => r.details.delivery === delivery).map((r) => r.message);
}

describe('the webhook endpoint', () => {
  it.each([
    ['null', 'the webhook body must be a JSON object, not null'],
    ['"opened"', 'the webhook body must be a JSON object, not a string'],
    ['42', 'the webhook body must be a JSON object, not a number'],
    ['[{"action":"opened"}]', 'the webhook body must be a JSON object, not an array'],
    ['{"action":', 'the webhook body is not valid JSON'],
  ])('answers a signed %s body with 400 and says why', async (body, error) => {
    const answer = await world.post({ body, event: 'pull_request', signature: true });
    expect(answer).toEqual({ status: 400, body: JSON.stringify({ error }) });
  });

  it('refuses an envelope Probot cannot read instead of failing inside it with 500', async () => {
    // Found by the fuzz test: Probot builds a hook name from `action` and a number from
    // `installation.id` before any handler runs, and throws on these.
    const action = await world.post({
      body: '{"action":{"toString":1}}',
      event: 'push',
      signature: true,
    });
    expect(action.status).toBe(400);
    expect(action.body).toContain('at action');
    const installation = await world.post({
      body: JSON.stringify({ ...push, installation: { id: 'seven' } }),
      event: 'push',
      signature: true,
    });
    expect(installation.status).toBe(400);
    expect(installation.body).toContain('at installation.id');
  });

  it.each(['__proto__', 'constructor', 'Push', 'push event'])(
    'refuses the event name %j, which no GitHub event has',
    async (event) => {
      const answer = await world.post({ body: '{}', event, signature: true });
      expect(answer.status).toBe(400);
      expect(answer.body).toContain('unknown webhook event name');
    },
  );

  it('answers a wrong signature as Probot does, and logs nothing of the body', async () => {
    const answer = await world.post({
      body: JSON.stringify({ ...push, ref: 'refs/heads/secret-branch-name' }),
      event: 'push',
      signature: 'sha256=' + '0'.repeat(64),
      delivery: 'wrong-signature',
    });
    expect(answer).toEqual({
      status: 400,
      body: '{"error":"Error: [@octokit/webhooks] signature does not match event payload and secret"}',
    });
    expect(logsOf('wrong-signature')).toEqual(['webhook with a wrong signature refused']);
    expect(world.records.some((r) => r.line.includes('secret-branch-name'))).toBe(false);
  });

  it("keeps Probot's answer to a missing signature", async () => {
    const answer = await world.post({ body: JSON.stringify(push), event: 'push' });
    expect(answer).toEqual({
      status: 400,
      body: '{"error":"Required headers missing: x-hub-signature-256"}',
    });
  });

  it('refuses a declared length over the limit with 413 without reading the body', async () => {
    const answer = await world.post({
      body: Buffer.alloc(limitBytes + 1, 'x'),
      event: 'push',
      delivery: 'declared-too-large',
    });
    expect(answer.status).toBe(413);
    const refusal = world.records.find((r) => r.details.delivery === 'declared-too-large');
    expect(refusal?.details).toMatchObject({ declaredBytes: limitBytes + 1, limitBytes });
    expect(refusal?.details.bytesRead).toBeUndefined();
  });

  it('stops reading a chunked body as soon as it passes the limit', async () => {
    const answer = await world.post({
      body: Buffer.alloc(limitBytes * 3, 'x'),
      chunkBytes: 1024,
      event: 'push',
      signature: true,
      delivery: 'chunked-too-large',
    });
    expect(answer.status).toBe(413);
    const refusal = world.records.find((r) => r.details.delivery === 'chunked-too-large');
    expect(refusal?.message).toBe('webhook body over the limit refused');
    // One chunk past the limit at most; the log has the size, never the bytes.
    expect(refusal?.details.bytesRead).toBeGreaterThan(limitBytes);
    expect(refusal?.details.bytesRead).toBeLessThanOrEqual(limitBytes + 64 * 1024);
    expect(refusal?.line).not.toContain('xxxx');
  });

  it('accepts a body right at the limit', async () => {
    const padding = 'p'.repeat(limitBytes - JSON.stringify({ ...push, padding: '' }).length);
    const body = JSON.stringify({ ...push, padding });
    expect(Buffer.byteLength(body)).toBe(limitBytes);
    const answer = await world.post({ body, event: 'push', signature: true });
    expect(answer.status).toBe(200);
  });

  it('answers 200 to an object missing the fields Sluice reads, and logs it once with the delivery id', async () => {
    const answer = await world.post({
      body: JSON.stringify({ ...push, repository: { full_name: 5 } }),
      event: 'push',
      signature: true,
      delivery: 'missing-fields',
    });
    expect(answer.status).toBe(200);
    expect(logsOf('missing-fields').filter((m) => m.startsWith('malformed push webhook'))).toEqual([
      expect.stringContaining('at repository.full_name'),
    ]);
  });

  it('hands a well-formed signed delivery to the app', async () => {
    const answer = await world.post({
      body: JSON.stringify(push),
      event: 'push',
      signature: true,
      delivery: 'well-formed',
    });
    expect(answer).toEqual({ status: 200, body: 'ok\n' });
    expect(await world.store.deliveries.record('well-formed', new Date())).toBe(false);
  });
});
