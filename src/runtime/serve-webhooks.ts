import { createServer, type Server } from 'node:http';
import { createNodeMiddleware, type ApplicationFunction, type Probot } from 'probot';
import { webhookBodyGuard } from './webhook-body-guard.js';

export interface ServeWebhooksOptions {
  probot: Probot;
  app: ApplicationFunction;
  host: string;
  /** 0 picks a free port (tests). */
  port: number;
  webhookPath: string;
  secret: string;
  limitBytes?: number;
}

export interface ServedApp {
  server: Server;
  url: string;
  stop(): Promise<void>;
}

/**
 * Serves the app over HTTP with the webhook body guard in front of Probot. Probot's own
 * `Server` (what `run` starts) always puts its webhook middleware first, where nothing can
 * stand before it; its documented alternative, `createNodeMiddleware` in a server of our own,
 * lets the guard read the body first.
 */
export async function serveWebhooks(options: ServeWebhooksOptions): Promise<ServedApp> {
  const middleware = await createNodeMiddleware(options.app, {
    probot: options.probot,
    webhooksPath: options.webhookPath,
  });
  const log = options.probot.log.child({ name: 'http' });
  const guard = webhookBodyGuard({
    path: options.webhookPath,
    secret: options.secret,
    log,
    ...(options.limitBytes === undefined ? {} : { limitBytes: options.limitBytes }),
  });
  const server = createServer((request, response) => {
    const serve = async (): Promise<void> => {
      if (await guard(request, response)) return;
      await middleware(request, response, () => {
        response.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      });
    };
    serve().catch((error: unknown) => {
      log.error({ err: error }, `${request.method} ${request.url} failed`);
      if (!response.headersSent) response.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port: options.port, host: options.host }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port;
  const url = `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`;
  log.info(`Listening on ${url}`);
  return {
    server,
    url,
    stop: () =>
      new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      ),
  };
}
