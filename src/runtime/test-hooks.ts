import { fstatSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SluiceRuntime } from './sluice-runtime.js';

/**
 * Hooks for the end-to-end tests, served only when SLUICE_TEST_HOOKS=1: move the app's clock
 * forward (a 30-minute check timeout should not take 30 minutes to test), stop it (a test on a
 * busy machine must not see a grace period run out while it waits), and run a sweep now
 * (after any sweep already running, as the timer's would).
 * Until stopped, the real clock drives the app's; advancing only adds an offset.
 */
export class TestClock {
  offsetMs = 0;
  stoppedAt: number | null = null;
  now = (): Date => new Date((this.stoppedAt ?? Date.now()) + this.offsetMs);
}

export function testHooksHandler(runtime: SluiceRuntime, clock: TestClock) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const path = req.url?.split('?')[0];
    if (req.method !== 'POST' || !path?.startsWith('/sluice/test/')) return false;
    const body = await readJson(req);
    if (path === '/sluice/test/advance-clock') {
      clock.offsetMs += Number(body.ms ?? 0);
    } else if (path === '/sluice/test/stop-clock') {
      clock.stoppedAt ??= Date.now();
    } else if (path === '/sluice/test/sweep') {
      // Without `discover`, the sweep the timer would run next (discovery as scheduled).
      const discover = typeof body.discover === 'boolean' ? { discover: body.discover } : {};
      await runtime.sweeps.run(discover);
    } else {
      res.writeHead(404).end();
      return true;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ offsetMs: clock.offsetMs }));
    return true;
  };
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

/**
 * Under test hooks, a harness that starts the app holds its stdin as a pipe: when the harness
 * dies (a test worker force-exited, a benchmark killed), the pipe closes and the app follows
 * instead of living on as an orphan. Node's `stdio: 'pipe'` is a socket pair on Linux and
 * macOS, a FIFO elsewhere: both count. A terminal or /dev/null is left alone. Returns whether
 * it watches.
 */
export function exitWithHarness(): boolean {
  const stdin = fstatSync(0);
  if (!stdin.isFIFO() && !stdin.isSocket()) return false;
  process.stdin.on('end', () => process.exit(0));
  process.stdin.resume();
  return true;
}
