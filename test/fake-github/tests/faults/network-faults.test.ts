import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { startFaultWorld, widgets, type FaultWorld } from './support/fault-world.js';
import { waitForProgress } from '../../control/wait-for-progress.js';

/** Waits for something the stand-in finishes after the client has stopped listening. */
async function eventually(w: FaultWorld, check: () => boolean, what: string): Promise<void> {
  await waitForProgress({
    what,
    outstanding: () => (check() ? [] : [what]),
    sources: [{ name: 'API request', read: () => String(w.gh.world.requests.length) }],
  });
}

describe('network faults over a real socket', () => {
  let w: FaultWorld;
  let pull: number;
  beforeAll(async () => {
    w = await startFaultWorld();
  });
  beforeEach(async () => {
    w.nextTest();
    pull = await w.openPull();
  });
  afterAll(() => w.gh.close());

  it('answers a slow fault only after its delay', async () => {
    w.gh.faults.add({
      op: 'repos/get',
      times: 1,
      delayMs: 300,
      status: 502,
      message: 'Bad Gateway',
    });
    const started = Date.now();
    await expect(w.app.rest.repos.get(widgets)).rejects.toMatchObject({ status: 502 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
  });

  it('outlasts a client timeout; the stand-in answers into the void later', async () => {
    w.gh.faults.add({ op: 'repos/get', times: 1, delayMs: 1000, status: 502 });
    const logged = w.gh.world.requests.length;
    const call = w.app.rest.repos.get({
      ...widgets,
      request: { signal: AbortSignal.timeout(100) },
    });
    await expect(call).rejects.toMatchObject({ cause: { name: 'TimeoutError' } });
    // The client gave up before the stand-in answered (its answer is logged when it is sent).
    expect(w.gh.world.requests.slice(logged).some((r) => r.faulted)).toBe(false);
    await eventually(
      w,
      () => w.gh.world.requests.slice(logged).some((r) => r.status === 502 && r.faulted),
      'the late answer',
    );
  });

  it('closes the connection without an answer: the client sees a failed fetch', async () => {
    w.gh.faults.add({ op: 'repos/get', times: 1, drop: true });
    // undici's own error: the socket closed before any answer.
    await expect(w.app.rest.repos.get(widgets)).rejects.toMatchObject({
      status: 500,
      cause: { name: 'TypeError', message: 'fetch failed', cause: { code: 'UND_ERR_SOCKET' } },
    });
    await expect(w.app.rest.repos.get(widgets)).resolves.toMatchObject({ status: 200 });
  });

  it("drops the answer of a write that happened (`when: 'after'`)", async () => {
    w.gh.faults.add({ op: 'issues/create-comment', times: 1, when: 'after', drop: true });
    const call = w.app.rest.issues.createComment({
      ...widgets,
      issue_number: pull,
      body: 'Queued.',
    });
    await expect(call).rejects.toMatchObject({ status: 500 });
    expect(w.repo.comments(pull).map((c) => c.body)).toEqual(['Queued.']);
  });
});

describe('network faults in-process (the stand-in mounted as fetch)', () => {
  let w: FaultWorld;
  beforeAll(async () => {
    w = await startFaultWorld({ viaFetch: true });
  });
  afterAll(() => w.gh.close());

  it('makes fetch throw as undici does when the socket closes', async () => {
    const { token } = (await w.app.auth({ type: 'installation' })) as { token: string };
    w.gh.faults.add({ op: 'repos/get', times: 1, drop: true });
    const fetching = w.gh.fetch(`${w.gh.apiUrl}/repos/acme/widgets`, {
      headers: { authorization: `token ${token}` },
    });
    await expect(fetching).rejects.toThrow(
      expect.objectContaining({
        name: 'TypeError',
        message: 'fetch failed',
        cause: expect.objectContaining({ message: 'socket hang up (injected)' }),
      }),
    );
  });

  it('reaches Octokit as a failed fetch, reported by its cause as over a socket', async () => {
    w.gh.faults.add({ op: 'repos/get', times: 1, drop: true });
    await expect(w.app.rest.repos.get(widgets)).rejects.toMatchObject({
      status: 500,
      message: 'socket hang up (injected)',
      cause: { name: 'TypeError', message: 'fetch failed' },
    });
    await expect(w.app.rest.repos.get(widgets)).resolves.toMatchObject({ status: 200 });
  });
});
