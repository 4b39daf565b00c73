import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { openStore } from '../../../../src/store/index.js';
import type { Store } from '../../../../src/store/types.js';
import { deliverOutbox } from '../../../../src/reconcile/outbox/deliver-outbox.js';
import { noticeRows, type Notice } from '../../../../src/reconcile/outbox/notice.js';
import { recordCheckRun } from '../../../../src/reconcile/outbox/record-check-run.js';
import { HostCapabilities } from '../../../../src/reconcile/host-capabilities.js';
import { RepoCache, defaultCacheTtl } from '../../../../src/reconcile/repo-cache.js';
import { defaultSettings, type ReconcileDeps } from '../../../../src/reconcile/types.js';
import type { CheckRunRender } from '../../../../src/messages/index.js';
import { FakeNoticeGitHub } from './fake-notice-github.js';

const silent = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
const queue = { repo: 'acme/widgets', base: 'main' };

function aCheckRun(title: string, status: 'queued' | 'completed' = 'queued'): CheckRunRender {
  const base = { title, summary: title, actions: [], annotations: [] };
  return status === 'queued'
    ? { ...base, status }
    : { ...base, status, conclusion: 'success' as const };
}

const merged: Notice[] = [
  { kind: 'remove-label', label: 'merge-queue' },
  { kind: 'add-labels', labels: ['sluice:merged'] },
  { kind: 'check-run', render: aCheckRun('Landed', 'completed') },
  { kind: 'comment', body: 'Landed as abc123.' },
];

describe('delivering the outbox', () => {
  let dir: string;
  let store: Store;
  let gh: FakeNoticeGitHub;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'outbox-'));
    store = await openStore({ sqlitePath: join(dir, 's.db') });
    gh = new FakeNoticeGitHub();
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const deps = (): ReconcileDeps => ({
    github: gh.port(),
    store,
    cache: new RepoCache(defaultCacheTtl),
    host: new HostCapabilities(),
    now: () => new Date(Date.UTC(2030, 0, 1)),
    sleep: () => Promise.resolve(),
    log: silent,
    settings: defaultSettings,
  });

  const record = (notices: Notice[], key = 'entry:1:merged') =>
    store.outbox.record(
      noticeRows(queue, { pr: 7, headSha: 'h1', cause: 'test', entryId: 1, key }, notices),
      new Date(Date.UTC(2030, 0, 1)),
    );

  it('tells a decision in order, one write per row and no read, when GitHub answers', async () => {
    await record(merged);
    const report = await deliverOutbox(deps(), queue);
    expect(gh.calls).toEqual(['removeLabel', 'addLabels', 'checks/create', 'comment']);
    expect(report).toEqual({ delivered: 4, failed: 0, left: 0 });
    expect(gh.labels).toEqual(['sluice:merged']);
    expect(gh.comments).toEqual([
      'Landed as abc123.\n\n<!-- sluice:outcome entry:1:merged:3-comment -->\n',
    ]);
    expect(await store.outbox.listUndelivered(queue)).toEqual([]);
  });

  it('never posts a comment twice when GitHub wrote it but the answer was lost', async () => {
    await record([{ kind: 'comment', body: 'Landed.' }]);
    gh.answer('comment', 'lost');
    expect(await deliverOutbox(deps(), queue)).toMatchObject({ left: 1 });
    expect(await deliverOutbox(deps(), queue)).toMatchObject({ delivered: 1, left: 0 });
    expect(gh.calls).toEqual(['comment', 'hasComment']);
    expect(gh.comments).toHaveLength(1);
  });

  it('posts a comment that never arrived once, after looking for it', async () => {
    await record([{ kind: 'comment', body: 'Landed.' }]);
    gh.answer('comment', 'unknown');
    await deliverOutbox(deps(), queue);
    await deliverOutbox(deps(), queue);
    expect(gh.calls).toEqual(['comment', 'hasComment', 'comment']);
    expect(gh.comments).toHaveLength(1);
  });

  it('finds a check run whose create answer was lost by its external id, and updates it', async () => {
    await record([{ kind: 'check-run', render: aCheckRun('Queued') }]);
    gh.answer('check-run', 'lost');
    await deliverOutbox(deps(), queue);
    await deliverOutbox(deps(), queue);
    expect(gh.calls).toEqual(['checks/create', 'findCheckRun', 'checks/update']);
    expect(gh.runs).toEqual([
      { id: 1, externalId: 'acme/widgets#7@h1', status: 'queued', title: 'Queued' },
    ]);
    const known = await store.checkRuns.get({ repo: 'acme/widgets', number: 7, headSha: 'h1' });
    expect(known?.checkRunId).toBe(1);
  });

  it('stops at a row without an answer, so nothing after it is told out of order', async () => {
    await record(merged);
    gh.answer('add-labels', 'unknown');
    expect(await deliverOutbox(deps(), queue)).toEqual({ delivered: 1, failed: 0, left: 3 });
    expect(gh.calls).toEqual(['removeLabel', 'addLabels']);
    expect(gh.comments).toEqual([]);
  });

  it('takes a label off only once: a removal that went through is seen on the PR', async () => {
    await record([{ kind: 'remove-label', label: 'merge-queue' }]);
    gh.answer('remove-label', 'lost');
    await deliverOutbox(deps(), queue);
    await deliverOutbox(deps(), queue);
    expect(gh.calls).toEqual(['removeLabel', 'labelsOn']);
  });

  it('marks a refused row failed and goes on with the rest', async () => {
    await record([
      { kind: 'add-labels', labels: ['bad label'] },
      { kind: 'comment', body: 'Dequeued.' },
    ]);
    gh.answer('add-labels', 'rejected');
    expect(await deliverOutbox(deps(), queue)).toEqual({ delivered: 1, failed: 1, left: 0 });
    expect(gh.comments).toHaveLength(1);
  });

  it('puts a rate-limited row back in line and stops until the next pass', async () => {
    await record(merged);
    gh.answer('remove-label', 'throttled');
    expect(await deliverOutbox(deps(), queue)).toMatchObject({ delivered: 0, left: 4 });
    const [first] = await store.outbox.listUndelivered(queue);
    expect([first?.state, first?.attempts]).toEqual(['pending', 1]);
  });

  it('leaves rows for later when looking at GitHub fails, without throwing', async () => {
    await record([{ kind: 'comment', body: 'Landed.' }]);
    gh.answer('comment', 'unknown');
    await deliverOutbox(deps(), queue);
    gh.readsFail = true;
    expect(await deliverOutbox(deps(), queue)).toMatchObject({ left: 1 });
    expect(gh.comments).toEqual([]);
  });

  it('skips check run states never sent when a later state of the same head waits', async () => {
    await recordCheckRun(deps(), queue, { pr: 7, headSha: 'h1', render: aCheckRun('Queued') });
    await recordCheckRun(deps(), queue, { pr: 7, headSha: 'h1', render: aCheckRun('Testing') });
    await deliverOutbox(deps(), queue);
    expect(gh.calls).toEqual(['checks/create']);
    expect(gh.runs.map((r) => r.title)).toEqual(['Testing']);
  });

  it('records a check run state only when it differs from the last one recorded', async () => {
    const again = () =>
      recordCheckRun(deps(), queue, { pr: 7, headSha: 'h1', render: aCheckRun('Queued') });
    await again();
    await again();
    await deliverOutbox(deps(), queue);
    await again();
    await recordCheckRun(deps(), queue, { pr: 7, headSha: 'h1', render: aCheckRun('Testing') });
    await again();
    await deliverOutbox(deps(), queue);
    expect(gh.calls).toEqual(['checks/create', 'checks/update']);
    expect(gh.runs.map((r) => r.title)).toEqual(['Queued']);
  });

  it('records one set of rows per decision, however often the decision is applied', async () => {
    await record(merged);
    await record(merged);
    await deliverOutbox(deps(), queue);
    expect(gh.comments).toHaveLength(1);
  });
});
