import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyRepairs } from '../../../src/doctor/apply-repairs.js';
import type { DoctorGitHub } from '../../../src/doctor/doctor-github.js';
import type { Finding, Repair } from '../../../src/doctor/types.js';
import { openStore } from '../../../src/store/index.js';
import type { Store } from '../../../src/store/types.js';
import { longAgo, now, repo, sha } from './support/builders.js';

let directory: string;
let store: Store;
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'sluice-repairs-'));
  store = await openStore({ sqlitePath: join(directory, 'sluice.db') });
});
afterEach(async () => {
  await store.close();
  await rm(directory, { recursive: true, force: true });
});

/** A GitHub with one staging branch at `tip`, recording what was deleted. */
function aGitHub(tip: string | undefined) {
  const deleted: string[] = [];
  const github = {
    branchSha: () => Promise.resolve(tip),
    deleteBranch: (branch: string) => {
      deleted.push(branch);
      return Promise.resolve({ kind: 'ok' as const });
    },
  } as unknown as DoctorGitHub;
  return { github, deleted };
}

const finding = (repair: Repair): Finding => ({
  repo,
  severity: 'warning',
  problem: { kind: 'repo-not-installed' },
  remedy: { kind: 'repair', repair },
});

async function outcomeOf(repair: Repair, github?: DoctorGitHub) {
  const [result] = await applyRepairs({ repo, store, github, now }, [finding(repair)]);
  return result?.outcome?.kind;
}

async function anEntry(number = 12) {
  const queued = await store.queue.enqueue({
    repo,
    base: 'main',
    number,
    headSha: sha('a1'),
    queuedBy: 'alice',
    now: longAgo,
  });
  return queued.entry;
}

describe('doctor --fix: each repair looks again before it changes anything', () => {
  it('ends an entry once; a second time finds it ended already', async () => {
    const entry = await anEntry();
    const repair: Repair = {
      kind: 'end-entry',
      entryId: entry.id,
      number: 12,
      state: 'dequeued',
      reason: 'closed',
    };
    expect(await outcomeOf(repair)).toBe('fixed');
    expect(await outcomeOf(repair)).toBe('already-changed');
    expect((await store.queue.listEvents(entry.id)).map((e) => [e.kind, e.detail])).toEqual([
      ['queued', expect.anything()],
      ['dequeued', { reason: 'closed', by: 'sluice doctor' }],
    ]);
  });

  it('records no queue request for a PR that got an entry or a request meanwhile', async () => {
    await anEntry(5);
    const repair: Repair = {
      kind: 'record-queue-request',
      base: 'main',
      number: 5,
      requestedBy: 'bob',
    };
    expect(await outcomeOf(repair)).toBe('already-changed');
    expect(await store.commands.listPending({ repo, base: 'main' })).toEqual([]);
  });

  it('leaves a staging record alone once it is no longer in the state doctor saw', async () => {
    const entry = await anEntry();
    const record = await store.staging.create({
      repo,
      base: 'main',
      baseSha: sha('b0'),
      prs: [{ entryId: entry.id, number: 12, headSha: sha('a1') }],
      ref: 'sluice/staging/main',
      now: longAgo,
    });
    await store.staging.update({ id: record.id, now, changes: { state: 'testing' } });
    const repair: Repair = {
      kind: 'close-staging',
      stagingId: record.id,
      from: 'building',
      state: 'abandoned',
      requeue: [],
    };
    expect(await outcomeOf(repair)).toBe('already-changed');
    expect((await store.staging.get(record.id))?.state).toBe('testing');
  });

  it.each([
    ['deletes a branch still at the tip it saw', sha('c4'), 'fixed', 1],
    ['keeps a branch that moved: someone built on it since', sha('e9'), 'already-changed', 0],
    ['has nothing to do for a branch already gone', undefined, 'already-changed', 0],
  ])('%s', async (_, tip, outcome, deletions) => {
    const { github, deleted } = aGitHub(tip);
    const repair: Repair = {
      kind: 'delete-branch',
      branch: 'sluice/staging/main-scratch',
      sha: sha('c4'),
    };
    expect(await outcomeOf(repair, github)).toBe(outcome);
    expect(deleted).toHaveLength(deletions);
  });

  it('closes an open journal row with what doctor saw, and never a finished one', async () => {
    const { row } = await store.journal.recordIntent({
      repo,
      kind: 'update-ref',
      target: 'refs/heads/main',
      expectedOld: sha('b0'),
      newValue: sha('5c'),
      idempotencyKey: 'land-base:7',
      now: longAgo,
    });
    const repair: Repair = {
      kind: 'close-journal-row',
      rowId: row.id,
      status: 'done',
      observed: sha('5c'),
    };
    expect(await outcomeOf(repair)).toBe('fixed');
    expect(await store.journal.findByKey('land-base:7')).toMatchObject({
      status: 'done',
      result: { resolvedBy: 'sluice doctor', observed: sha('5c') },
    });
    expect(await outcomeOf({ ...repair, status: 'failed' })).toBe('already-changed');
  });

  it('reports a repair that fails and goes on with the next', async () => {
    const entry = await anEntry();
    const results = await applyRepairs({ repo, store, github: undefined, now }, [
      finding({ kind: 'delete-branch', branch: 'sluice/staging/main', sha: sha('c4') }),
      finding({
        kind: 'end-entry',
        entryId: entry.id,
        number: 12,
        state: 'merged',
        reason: 'merged',
      }),
    ]);
    expect(results.map((r) => r.outcome?.kind)).toEqual(['failed', 'fixed']);
  });
});
