import type { IncomingMessage, ServerResponse } from 'node:http';
import { describeError } from '../store/describe-error.js';
import type { Store } from '../store/types.js';

/** What the probes read from the runtime (a `SluiceRuntime` is one). */
export interface HealthSource {
  readonly scheduler: { readonly idle: boolean };
  readonly botLogin: string | undefined;
  readonly store: Pick<Store, 'ping'>;
}

export interface HealthOptions {
  /** How long the store may take to answer before it counts as down (default 5 s). */
  pingTimeoutMs?: number;
}

/** `'ok'`, or why the store did not answer its ping in time. */
async function storeStatus(store: Pick<Store, 'ping'>, timeoutMs: number): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(`the store did not answer within ${timeoutMs} ms`), timeoutMs);
  });
  try {
    return await Promise.race([
      store.ping().then(
        () => 'ok',
        (error: unknown) => describeError(error) || 'the store failed to answer',
      ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

function answer(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

/**
 * `GET /sluice/health`: liveness (always 200 while the process serves) plus whether any
 * reconcile is running or waiting — what the end-to-end tests' "settled" check looks at — and
 * whether the store answers (`store: 'ok'` or the reason).
 *
 * `GET /sluice/ready`: readiness, 200 only when the store answers a trivial query, 503 with
 * the reason otherwise: what a load balancer or orchestrator should route on.
 */
export function healthHandler(runtime: HealthSource, options: HealthOptions = {}) {
  const timeoutMs = options.pingTimeoutMs ?? 5_000;
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    if (req.method !== 'GET') return false;
    const path = req.url?.split('?')[0];
    if (path === '/sluice/health') {
      const store = await storeStatus(runtime.store, timeoutMs);
      answer(res, 200, {
        status: 'ok',
        idle: runtime.scheduler.idle,
        bot: runtime.botLogin ?? null,
        store,
      });
      return true;
    }
    if (path === '/sluice/ready') {
      const store = await storeStatus(runtime.store, timeoutMs);
      answer(res, store === 'ok' ? 200 : 503, {
        status: store === 'ok' ? 'ready' : 'unavailable',
        store,
      });
      return true;
    }
    return false;
  };
}
