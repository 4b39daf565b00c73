import { createServer, type Server } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { healthHandler, type HealthSource } from '../../../src/runtime/health.js';
import { WebhookWorld } from './support/webhook-world.js';

/** The handler alone on a loopback server; what it does not answer is a 404. */
async function serve(
  source: HealthSource,
  pingTimeoutMs?: number,
): Promise<{ url: string; server: Server }> {
  const handler = healthHandler(source, pingTimeoutMs === undefined ? {} : { pingTimeoutMs });
  const server = createServer((req, res) => {
    void handler(req, res).then((handled) => {
      if (!handled) res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, server };
}

async function get(url: string, init?: RequestInit): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url, init);
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
}

function source(ping: () => Promise<void>): HealthSource {
  return { scheduler: { idle: true }, botLogin: 'sluice[bot]', store: { ping } };
}

describe('the health and readiness handler', () => {
  let server: Server | undefined;
  afterEach(async () => {
    await new Promise((resolve) => server?.close(resolve));
    server = undefined;
  });

  it('reports liveness and a store that answers; ready is 200', async () => {
    const served = await serve(source(() => Promise.resolve()));
    server = served.server;
    expect(await get(`${served.url}/sluice/health`)).toEqual({
      status: 200,
      body: { status: 'ok', idle: true, bot: 'sluice[bot]', store: 'ok' },
    });
    expect(await get(`${served.url}/sluice/ready?probe=1`)).toEqual({
      status: 200,
      body: { status: 'ready', store: 'ok' },
    });
  });

  it('stays live with a failing store and says why; ready is 503 with the reason', async () => {
    const served = await serve(
      source(() => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:5432'))),
    );
    server = served.server;
    expect(await get(`${served.url}/sluice/health`)).toEqual({
      status: 200,
      body: {
        status: 'ok',
        idle: true,
        bot: 'sluice[bot]',
        store: 'connect ECONNREFUSED 127.0.0.1:5432',
      },
    });
    expect(await get(`${served.url}/sluice/ready`)).toEqual({
      status: 503,
      body: { status: 'unavailable', store: 'connect ECONNREFUSED 127.0.0.1:5432' },
    });
  });

  it('names the code of an error without a message (pg refusing a connection)', async () => {
    const refused = Object.assign(new AggregateError([], ''), { code: 'ECONNREFUSED' });
    const served = await serve(source(() => Promise.reject(refused)));
    server = served.server;
    expect(await get(`${served.url}/sluice/ready`)).toEqual({
      status: 503,
      body: { status: 'unavailable', store: 'ECONNREFUSED' },
    });
  });

  it('counts a store that does not answer in time as down', async () => {
    const served = await serve(
      source(() => new Promise<void>(() => undefined)),
      20,
    );
    server = served.server;
    expect(await get(`${served.url}/sluice/ready`)).toEqual({
      status: 503,
      body: { status: 'unavailable', store: 'the store did not answer within 20 ms' },
    });
  });

  it('leaves other paths and methods to the next handler', async () => {
    let pings = 0;
    const served = await serve(
      source(() => {
        pings += 1;
        return Promise.resolve();
      }),
    );
    server = served.server;
    expect((await get(`${served.url}/sluice/healthz`)).status).toBe(404);
    expect((await get(`${served.url}/sluice/ready`, { method: 'POST' })).status).toBe(404);
    expect(pings).toBe(0);
  });
});

describe('the served app', () => {
  let world: WebhookWorld;
  beforeAll(async () => {
    world = await WebhookWorld.start();
  });
  afterAll(() => world.close());

  it('is ready on its SQLite store, and its health says the store answers', async () => {
    expect(await get(`${world.served.url}/sluice/ready`)).toEqual({
      status: 200,
      body: { status: 'ready', store: 'ok' },
    });
    expect(await get(`${world.served.url}/sluice/health`)).toMatchObject({
      status: 200,
      body: { status: 'ok', store: 'ok' },
    });
  });
});
