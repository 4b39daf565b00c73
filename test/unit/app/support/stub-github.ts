import { createServer, type Server } from 'node:http';

/**
 * The least GitHub an app needs to start and take webhooks: an installation token for any
 * installation, the app's identity, and 404 for everything else, answered at once over
 * loopback so a handler that reads GitHub never waits.
 */
export async function startStubGitHub(): Promise<{
  baseUrl: string;
  requests: () => number;
  close(): Promise<void>;
}> {
  let count = 0;
  const server: Server = createServer((request, response) => {
    count++;
    request.resume();
    const url = request.url ?? '';
    const json = (status: number, body: unknown): void => {
      response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    if (request.method === 'POST' && /\/app\/installations\/\d+\/access_tokens$/.test(url))
      return json(201, {
        token: 'ghs_stub',
        expires_at: new Date(Date.now() + 3_600_000).toISOString(),
        permissions: {},
        repository_selection: 'all',
      });
    if (request.method === 'GET' && url.startsWith('/app/installations?')) return json(200, []);
    if (request.method === 'GET' && url.endsWith('/app'))
      return json(200, { id: 1, slug: 'sluice-test', name: 'Sluice test' });
    json(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no address');
  return {
    baseUrl: `http://127.0.0.1:${address.port}`,
    requests: () => count,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
