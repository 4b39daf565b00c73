import { describe, expect, it } from '@jest/globals';
import {
  forwardWebhookProxy,
  type SmeeClientModule,
} from '../../../src/runtime/forward-webhook-proxy.js';

function recordingLog() {
  const lines: string[] = [];
  return {
    lines,
    log: {
      info: (message: string) => lines.push(`info ${message}`),
      warn: (message: string) => lines.push(`warn ${message}`),
      error: (_object: object, message: string) => lines.push(`error ${message}`),
    },
  };
}

/** smee-client's surface as Probot uses it: construct with source and target, start, close. */
function smeeClientRecording() {
  const calls: string[] = [];
  const module: SmeeClientModule = {
    SmeeClient: class {
      constructor(readonly options: { source: string; target: string }) {
        calls.push(`new ${options.source} -> ${options.target}`);
      }
      start() {
        calls.push('start');
        return Promise.resolve({ close: () => void calls.push('close') });
      }
    },
  };
  return { calls, module };
}

const url = 'https://smee.io/abc';
// A variable: TypeScript would insist on a literal's module existing.
const missingPackage = 'smee-client-that-is-not-installed';
const target = 'http://localhost:3000/api/github/webhooks';

describe('WEBHOOK_PROXY_URL', () => {
  it('is forwarded to the webhook endpoint with smee-client, as Probot does, until closed', async () => {
    const { log, lines } = recordingLog();
    const smee = smeeClientRecording();
    const proxy = await forwardWebhookProxy({
      url,
      target,
      log,
      importSmeeClient: () => Promise.resolve(smee.module),
    });
    proxy?.close();
    expect(smee.calls).toEqual([`new ${url} -> ${target}`, 'start', 'close']);
    expect(lines).toEqual([`info forwarding webhooks from ${url} to ${target}`]);
  });

  it('without smee-client installed, says so and how to forward instead; the app runs on', async () => {
    const { log, lines } = recordingLog();
    const proxy = await forwardWebhookProxy({
      url,
      target,
      log,
      importSmeeClient: () => import(missingPackage),
    });
    expect(proxy).toBeUndefined();
    expect(lines).toEqual([
      `warn WEBHOOK_PROXY_URL is set, but smee-client is not installed: webhooks sent to ${url} ` +
        `are not forwarded here. Install it (npm install --no-save smee-client) or run: ` +
        `npx smee-client --url ${url} --target ${target}`,
    ]);
  });

  it('a channel it cannot connect to is logged with the command that forwards instead', async () => {
    const { log, lines } = recordingLog();
    const proxy = await forwardWebhookProxy({
      url,
      target,
      log,
      importSmeeClient: () =>
        Promise.resolve({
          SmeeClient: class {
            start(): Promise<{ close(): void }> {
              return Promise.reject(new Error('getaddrinfo ENOTFOUND smee.io'));
            }
          },
        }),
    });
    expect(proxy).toBeUndefined();
    expect(lines).toEqual([
      `error could not connect to WEBHOOK_PROXY_URL ${url}; instead, run: npx smee-client --url ${url} --target ${target}`,
    ]);
  });
});
