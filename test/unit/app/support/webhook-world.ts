import { createHmac, generateKeyPairSync } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createProbot, ProbotOctokit } from 'probot';
import { createSluiceApp } from '../../../../src/app.js';
import { serveWebhooks, type ServedApp } from '../../../../src/runtime/serve-webhooks.js';
import { openStore, type Store } from '../../../../src/store/index.js';
import { captureLog, type LogRecord } from './capture-log.js';
import { startStubGitHub } from './stub-github.js';

export const webhookPath = '/api/github/webhooks';
const secret = 'fuzz-secret';

export interface Delivery {
  /** Raw bytes or text of the body. */
  body: Buffer | string;
  event?: string | undefined;
  /** true: a correct signature; a string: that header; false: none. */
  signature?: boolean | string;
  delivery?: string;
  contentType?: string;
  /** Send without Content-Length (chunked), in pieces of this many bytes. */
  chunkBytes?: number;
}

export interface Answer {
  status: number;
  body: string;
}

/**
 * The Sluice app served exactly as `main.ts` serves it (guard, Probot's middleware, the app on
 * a SQLite store) on a free loopback port, against a stub GitHub; its log is captured.
 */
export class WebhookWorld {
  private constructor(
    readonly served: ServedApp,
    readonly records: LogRecord[],
    private readonly cleanup: () => Promise<void>,
    readonly store: Store,
    /** Requests the stub GitHub has answered so far. */
    readonly githubRequests: () => number,
  ) {}

  static async start(options: { limitBytes?: number } = {}): Promise<WebhookWorld> {
    const github = await startStubGitHub();
    const dir = await mkdtemp(join(tmpdir(), 'sluice-webhooks-'));
    const store = await openStore({ sqlitePath: join(dir, 'sluice.db') });
    const { log, records } = captureLog();
    const Octokit = ProbotOctokit.defaults({
      retry: { enabled: false },
      throttle: { enabled: false },
    });
    const probot = createProbot({
      env: {},
      overrides: { appId: 1, privateKey: testKey(), secret, baseUrl: github.baseUrl, log, Octokit },
    });
    const served = await serveWebhooks({
      probot,
      app: createSluiceApp({ store, sweeps: { intervalMs: 1e9, discoverEvery: 1 } }),
      host: '127.0.0.1',
      port: 0,
      webhookPath,
      secret,
      ...options,
    });
    return new WebhookWorld(
      served,
      records,
      async () => {
        await served.stop();
        await store.close();
        await github.close();
        await rm(dir, { recursive: true, force: true });
      },
      store,
      github.requests,
    );
  }

  /** Waits until every reconcile the deliveries scheduled has finished. */
  async settle(): Promise<void> {
    for (;;) {
      const health = (await (await fetch(`${this.served.url}/sluice/health`)).json()) as {
        idle: boolean;
      };
      if (health.idle) return;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  async close(): Promise<void> {
    await this.settle();
    await this.cleanup();
  }

  post(delivery: Delivery): Promise<Answer> {
    const body = Buffer.isBuffer(delivery.body)
      ? delivery.body
      : Buffer.from(delivery.body, 'utf8');
    const headers: Record<string, string> = {
      'content-type': delivery.contentType ?? 'application/json',
      'x-github-delivery': delivery.delivery ?? `delivery-${Math.random()}`,
    };
    if (delivery.event !== undefined) headers['x-github-event'] = delivery.event;
    if (delivery.signature === true) headers['x-hub-signature-256'] = sign(body);
    else if (typeof delivery.signature === 'string')
      headers['x-hub-signature-256'] = delivery.signature;
    if (delivery.chunkBytes === undefined) headers['content-length'] = String(body.length);
    return new Promise((resolve, reject) => {
      const request = httpRequest(
        `${this.served.url}${webhookPath}`,
        { method: 'POST', headers },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () =>
            resolve({
              status: response.statusCode ?? 0,
              body: Buffer.concat(chunks).toString('utf8'),
            }),
          );
        },
      );
      request.on('error', reject);
      if (delivery.chunkBytes === undefined) request.end(body);
      else {
        for (let at = 0; at < body.length; at += delivery.chunkBytes)
          request.write(body.subarray(at, at + delivery.chunkBytes));
        request.end();
      }
    });
  }
}

export function sign(body: Buffer | string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

let key: string | undefined;
function testKey(): string {
  key ??= generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  }).privateKey;
  return key;
}
