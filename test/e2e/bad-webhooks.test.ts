import { afterEach, describe, expect, it } from '@jest/globals';
import { createHmac } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { request } from 'node:http';
import { startScenario, type Scenario } from './support/scenario.js';
import { stagingCi } from './support/ci-scripts.js';
import { landOnePullRequest } from './support/flows.js';

const mib = 1024 * 1024;

/** A delivery as GitHub would sign it, with whatever body. */
async function postSigned(s: Scenario, event: string, body: string) {
  const signature = createHmac('sha256', s.registered.app.webhookSecret).update(body).digest('hex');
  const response = await fetch(s.app.webhookUrl, {
    method: 'POST',
    body,
    headers: {
      'content-type': 'application/json',
      'x-github-event': event,
      'x-github-delivery': `bad-${Math.random()}`,
      'x-hub-signature-256': `sha256=${signature}`,
    },
  });
  return { status: response.status, body: await response.text() };
}

/**
 * Streams `totalBytes` of a repeated 64 KiB chunk, signed with a made-up signature, without a
 * Content-Length (or with one, if `declare`), until the app answers. Reports the answer
 * and how much was sent before it came.
 */
function streamBody(
  url: string,
  options: { totalBytes: number; chunk: Buffer; declare: boolean },
): Promise<{ status: number; bytesSent: number }> {
  return new Promise((resolve, reject) => {
    let bytesSent = 0;
    let answered = false;
    const req = request(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        // Everything a delivery has but a valid signature: Probot read all of such a body
        // before finding the signature wrong, then logged it whole.
        'x-github-event': 'push',
        'x-github-delivery': `flood-${options.declare ? 'declared' : 'chunked'}`,
        'x-hub-signature-256': `sha256=${'0'.repeat(64)}`,
        ...(options.declare ? { 'content-length': String(options.totalBytes) } : {}),
      },
    });
    req.on('response', (response) => {
      answered = true;
      response.resume();
      resolve({ status: response.statusCode ?? 0, bytesSent });
      req.destroy();
    });
    // Once answered, the app may close the connection under our writes: that is the point.
    req.on('error', (error) => (answered ? undefined : reject(error)));
    const pump = (): void => {
      while (!answered && bytesSent < options.totalBytes) {
        bytesSent += options.chunk.length;
        if (!req.write(options.chunk)) {
          req.once('drain', pump);
          return;
        }
      }
      if (!answered) req.end();
    };
    pump();
  });
}

/** The most memory the process has held since it started (VmHWM, its peak resident set). */
async function peakRssBytes(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kib = /^VmHWM:\s+(\d+) kB$/m.exec(status)?.[1];
  if (kib === undefined) throw new Error(`no VmHWM in /proc/${pid}/status`);
  return Number(kib) * 1024;
}

describe('webhook bodies GitHub would never send', () => {
  let s: Scenario | undefined;
  afterEach(async () => s?.stop());

  it('a signed null or string body is answered 400, and the queue keeps working', async () => {
    s = await startScenario({ ci: stagingCi(), requiredChecks: ['build', 'test'] });
    // Probot answered these with 500 (and a string body threw inside @octokit/webhooks).
    expect(await postSigned(s, 'pull_request', 'null')).toEqual({
      status: 400,
      body: '{"error":"the webhook body must be a JSON object, not null"}',
    });
    expect(await postSigned(s, 'pull_request', '"labeled"')).toEqual({
      status: 400,
      body: '{"error":"the webhook body must be a JSON object, not a string"}',
    });
    // A PR labelled afterwards still lands: the process neither crashed nor wedged.
    await landOnePullRequest(s);
  });

  it('an unsigned 200 MB POST is refused with 413 while it streams, in bounded memory, unlogged', async () => {
    s = await startScenario();
    const pid = s.app.pid!;
    const before = await peakRssBytes(pid);
    const marker = Buffer.from('SLUICE-UNSIGNED-FLOOD-'.repeat(2979)); // about 64 KiB

    const chunked = await streamBody(s.app.webhookUrl, {
      totalBytes: 200 * mib,
      chunk: marker,
      declare: false,
    });
    expect(chunked.status).toBe(413);
    // Answered once past the 25 MB limit: what was still in flight, not the whole body.
    expect(chunked.bytesSent).toBeLessThan(100 * mib);

    const declared = await streamBody(s.app.webhookUrl, {
      totalBytes: 200 * mib,
      chunk: marker,
      declare: true,
    });
    expect(declared.status).toBe(413);
    expect(declared.bytesSent).toBeLessThan(100 * mib);

    // Probot buffered all 200 MB (the operator saw ~2 GB); the guard holds at most 25 MB.
    const after = await peakRssBytes(pid);
    expect(after - before).toBeLessThan(100 * mib);
    // Still the same process, still serving.
    expect(s.app.pid).toBe(pid);
    await s.settle();
    expect((await s.app.health()).idle).toBe(true);
    const log = s.app.log.join('\n');
    expect(log).toContain('webhook body over the limit refused');
    expect(log).not.toContain('SLUICE-UNSIGNED-FLOOD');
  });
});
