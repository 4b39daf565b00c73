import { createServer, type Server } from 'node:http';
import { afterEach, describe, expect, it } from '@jest/globals';
import {
  metricsHandler,
  type MetricsEndpointOptions,
} from '../../../src/metrics/metrics-endpoint.js';
import { bearerTokenMatches } from '../../../src/metrics/bearer-token.js';

const token = 'a-scrape-token-of-32-characters!';

/** The handler alone on a loopback server; what it does not answer is a 404 `unhandled`. */
async function serve(options: MetricsEndpointOptions): Promise<{ url: string; server: Server }> {
  const handler = metricsHandler(options);
  const server = createServer((req, res) => {
    void handler(req, res).then((handled) => {
      if (!handled) res.writeHead(404).end('unhandled');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, server };
}

const exposition = {
  exposition: () =>
    Promise.resolve({
      body: 'sluice_prs_merged_total{repo="acme/widgets",base="main"} 1\n',
      contentType: 'text/plain; version=0.0.4; charset=utf-8',
    }),
};

async function scrape(url: string, init?: RequestInit, path = '/metrics') {
  const response = await fetch(`${url}${path}`, init);
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    challenge: response.headers.get('www-authenticate'),
    body: await response.text(),
  };
}

const bearer = (value: string) => ({ headers: { authorization: `Bearer ${value}` } });

describe('the /metrics endpoint', () => {
  let server: Server | undefined;
  afterEach(async () => {
    // fetch keeps its connection alive for seconds, which would hold the worker open.
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
    server = undefined;
  });

  it('is off without a token, and says how to turn it on', async () => {
    const served = await serve({ token: undefined, metrics: undefined });
    server = served.server;
    expect(await scrape(served.url, bearer(token))).toMatchObject({
      status: 404,
      body: 'metrics are off: set SLUICE_METRICS_TOKEN to serve them\n',
    });
  });

  it('serves the exposition to a scrape with the token', async () => {
    const served = await serve({ token, metrics: exposition });
    server = served.server;
    expect(await scrape(`${served.url}`, bearer(token))).toEqual({
      status: 200,
      type: 'text/plain; version=0.0.4; charset=utf-8',
      challenge: null,
      body: 'sluice_prs_merged_total{repo="acme/widgets",base="main"} 1\n',
    });
  });

  it('refuses a scrape without the token with a bearer challenge', async () => {
    const served = await serve({ token, metrics: exposition });
    server = served.server;
    expect(await scrape(served.url)).toEqual({
      status: 401,
      type: 'text/plain; charset=utf-8',
      challenge: 'Bearer realm="sluice"',
      body: 'a scrape needs the header Authorization: Bearer <SLUICE_METRICS_TOKEN>\n',
    });
  });

  it('refuses a wrong token, another scheme and the token as a query parameter alike', async () => {
    const served = await serve({ token, metrics: exposition });
    server = served.server;
    for (const init of [
      bearer(`${token}x`),
      bearer(token.slice(0, -1)),
      { headers: { authorization: `Basic ${Buffer.from(`x:${token}`).toString('base64')}` } },
    ]) {
      const answer = await scrape(served.url, init);
      expect(answer).toMatchObject({ status: 401 });
      expect(answer.body).not.toContain('sluice_prs_merged_total');
    }
    expect(await scrape(served.url, {}, `/metrics?token=${token}`)).toMatchObject({ status: 401 });
  });

  it('answers only GET and HEAD, and leaves other paths to the next handler', async () => {
    const served = await serve({ token, metrics: exposition });
    server = served.server;
    expect(await scrape(served.url, { method: 'POST', ...bearer(token) })).toMatchObject({
      status: 405,
    });
    expect(await scrape(served.url, { method: 'HEAD', ...bearer(token) })).toMatchObject({
      status: 200,
      body: '',
    });
    expect(await scrape(served.url, bearer(token), '/metrics/extra')).toMatchObject({
      body: 'unhandled',
    });
  });
});

describe('the bearer token check', () => {
  it('takes the scheme in any case and the token exactly', () => {
    expect(bearerTokenMatches(`Bearer ${token}`, token)).toBe(true);
    expect(bearerTokenMatches(`bearer ${token}`, token)).toBe(true);
    expect(bearerTokenMatches(`Bearer  ${token} `, token)).toBe(true);
    expect(bearerTokenMatches(`Bearer ${token.toUpperCase()}`, token)).toBe(false);
    expect(bearerTokenMatches(`Bearer ${token} extra`, token)).toBe(false);
    expect(bearerTokenMatches(token, token)).toBe(false);
    expect(bearerTokenMatches('Bearer ', token)).toBe(false);
    expect(bearerTokenMatches(undefined, token)).toBe(false);
  });
});
