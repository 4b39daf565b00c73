import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SluiceRuntime } from './sluice-runtime.js';

/**
 * `GET /sluice/health`: liveness plus whether any reconcile is running or waiting — what an
 * operator's probe, and the end-to-end tests' "settled" check, look at.
 */
export function healthHandler(runtime: SluiceRuntime) {
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    if (req.method !== 'GET' || req.url?.split('?')[0] !== '/sluice/health') return false;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({ status: 'ok', idle: runtime.scheduler.idle, bot: runtime.botLogin ?? null }),
    );
    return true;
  };
}
