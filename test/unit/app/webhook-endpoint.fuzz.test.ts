import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { webhookEvents } from '../../../src/app.js';
import { WebhookWorld, type Delivery } from './support/webhook-world.js';

const limitBytes = 32 * 1024;
let world: WebhookWorld;
beforeAll(async () => {
  world = await WebhookWorld.start({ limitBytes });
});
afterAll(() => world.close());

/** Keys that reach JavaScript's object machinery when a parser or a handler is careless. */
const hostileKey = fc.constantFrom('__proto__', 'constructor', 'toString', 'valueOf', 'then');
const anyJson = fc.jsonValue({ maxDepth: 3 });
/** A value of the right type most of the time, of any other type sometimes. */
const maybe = <T>(right: fc.Arbitrary<T>): fc.Arbitrary<unknown> =>
  fc.oneof({ weight: 4, arbitrary: right }, { weight: 1, arbitrary: anyJson });

const repository = fc.record(
  {
    full_name: maybe(fc.constantFrom('acme/widgets', 'a/b')),
    default_branch: maybe(fc.constant('main')),
  },
  { requiredKeys: [] },
);
const sender = fc.record({
  login: maybe(fc.string()),
  type: maybe(fc.constantFrom('User', 'Bot')),
});
const pull = fc.record({
  number: maybe(fc.integer({ min: 1, max: 50 })),
  state: maybe(fc.constantFrom('open', 'closed')),
  base: maybe(fc.record({ ref: maybe(fc.constantFrom('main', 'dev')) })),
  head: maybe(fc.record({ sha: maybe(fc.stringMatching(/^[0-9a-f]{40}$/)) })),
});

/** Objects shaped like the events Sluice subscribes to, with fields missing or of wrong types. */
const eventShaped = fc.record(
  {
    action: maybe(fc.constantFrom('opened', 'labeled', 'created', 'completed', 'requested_action')),
    installation: maybe(fc.record({ id: maybe(fc.integer({ min: 1, max: 5 })) })),
    repository,
    sender,
    pull_request: pull,
    label: maybe(fc.record({ name: maybe(fc.constantFrom('merge-queue', 'bug')) })),
    issue: maybe(fc.record({ number: maybe(fc.nat(20)), pull_request: maybe(fc.constant({})) })),
    comment: maybe(
      fc.record({ body: maybe(fc.constantFrom('/sluice queue', '/sluice retry', 'hi')) }),
    ),
    check_run: maybe(
      fc.record({
        head_sha: maybe(fc.string()),
        name: maybe(fc.string()),
        conclusion: maybe(fc.string()),
      }),
    ),
    check_suite: maybe(fc.record({ head_sha: maybe(fc.string()) })),
    sha: maybe(fc.string()),
    ref: maybe(fc.constantFrom('refs/heads/main', 'refs/tags/v1', 'main')),
    after: maybe(fc.stringMatching(/^[0-9a-f]{0,40}$/)),
    commits: maybe(fc.array(fc.record({ added: maybe(fc.array(fc.string())) }), { maxLength: 3 })),
  },
  { requiredKeys: [] },
);

const body: fc.Arbitrary<Buffer | string> = fc.oneof(
  fc.uint8Array({ maxLength: 2048 }).map((bytes) => Buffer.from(bytes)),
  anyJson.map((value) => JSON.stringify(value)),
  eventShaped.map((value) => JSON.stringify(value)),
  fc.tuple(eventShaped, hostileKey, anyJson).map(([value, key, extra]) =>
    // JSON.stringify drops a `__proto__` own key: splice it in as text instead.
    JSON.stringify(value)
      .replace(/^\{/, `{${JSON.stringify(key)}:${JSON.stringify(extra)},`)
      .replace(/,\}$/, '}'),
  ),
  fc.nat({ max: 3 * limitBytes }).map((n) => JSON.stringify({ padding: 'x'.repeat(n) })),
  fc.nat({ max: 20_000 }).map((depth) => '['.repeat(depth) + ']'.repeat(depth)),
  fc.nat({ max: 20_000 }).map((depth) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)),
);

const delivery: fc.Arbitrary<Delivery> = fc.record({
  body,
  event: fc.oneof(
    fc.constantFrom(...webhookEvents),
    fc.string({ maxLength: 20 }),
    hostileKey,
    fc.constant(undefined),
  ),
  signature: fc.oneof(
    { weight: 3, arbitrary: fc.constant(true) },
    fc.constant(false),
    fc.string({ maxLength: 80 }),
  ),
  delivery: fc
    .constantFrom('d-1', 'd-2', 'd-3')
    .chain((id) => fc.oneof(fc.constant(id), fc.uuid())),
  contentType: fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain'),
  chunkBytes: fc.oneof(fc.constant(undefined), fc.integer({ min: 512, max: 16 * 1024 })),
});

describe('the webhook endpoint under generated input', () => {
  it('answers every request with a 2xx or 4xx, reads at most the limit, and keeps serving', async () => {
    let requests = 0;
    await fc.assert(
      fc.asyncProperty(delivery, async (input) => {
        requests++;
        const answer = await world.post(input);
        expect(answer.status).toBeGreaterThanOrEqual(200);
        expect(answer.status).toBeLessThan(500);
      }),
      { numRuns: 1_000 },
    );
    expect(requests).toBeGreaterThanOrEqual(1_000);
    await world.settle();
    const refusals = world.records.filter((r) => typeof r.details.bytesRead === 'number');
    for (const refusal of refusals)
      expect(refusal.details.bytesRead).toBeLessThanOrEqual(limitBytes + 64 * 1024);
    expect(world.records.filter((r) => r.level === 'fatal')).toEqual([]);
    // Bounded work: the deliveries that reached the app cost a few GitHub requests each.
    expect(world.githubRequests()).toBeLessThan(20 * requests);
    const after = await world.post({
      body: JSON.stringify({
        ref: 'refs/heads/x',
        after: 'b'.repeat(40),
        repository: { full_name: 'acme/widgets', default_branch: 'main' },
        installation: { id: 1 },
      }),
      event: 'push',
      signature: true,
    });
    expect(after).toEqual({ status: 200, body: 'ok\n' });
  });
});
