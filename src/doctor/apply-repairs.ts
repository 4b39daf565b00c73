import { describeError } from '../store/describe-error.js';
import { activeEntryStates } from '../store/records.js';
import type { Store } from '../store/types.js';
import type { DoctorGitHub } from './doctor-github.js';
import type { Finding, FindingResult, FixOutcome, Repair } from './types.js';

export interface RepairDeps {
  repo: string;
  store: Store;
  github: DoctorGitHub | undefined;
  now: Date;
}

const by = 'sluice doctor';

/**
 * Applies each finding's repair, in order, each one re-checking what it changes first: the
 * app (or another doctor) may have acted since the look, and a repair that finds the thing
 * already changed does nothing. A failed repair does not stop the others.
 */
export async function applyRepairs(
  deps: RepairDeps,
  findings: Finding[],
): Promise<FindingResult[]> {
  const results: FindingResult[] = [];
  for (const finding of findings) {
    if (finding.remedy.kind !== 'repair') {
      results.push(finding);
      continue;
    }
    const outcome = await applyRepair(deps, finding.remedy.repair).catch(
      (error: unknown): FixOutcome => ({ kind: 'failed', message: describeError(error) }),
    );
    results.push({ ...finding, outcome });
  }
  return results;
}

async function applyRepair(deps: RepairDeps, repair: Repair): Promise<FixOutcome> {
  switch (repair.kind) {
    case 'end-entry':
      return endEntry(deps, repair);
    case 'record-queue-request':
      return recordQueueRequest(deps, repair);
    case 'close-staging':
      return closeStaging(deps, repair);
    case 'delete-branch':
      return deleteBranch(deps, repair);
    case 'close-journal-row':
      return closeJournalRow(deps, repair);
  }
}

async function endEntry(
  { store, now }: RepairDeps,
  repair: Extract<Repair, { kind: 'end-entry' }>,
): Promise<FixOutcome> {
  const entry = await store.queue.get(repair.entryId);
  if (!entry || !(activeEntryStates as readonly string[]).includes(entry.state))
    return { kind: 'already-changed' };
  await store.queue.update({
    entryId: entry.id,
    now,
    changes: { state: repair.state, endReason: repair.reason },
    event: { kind: repair.state, detail: { reason: repair.reason, by } },
  });
  await finishRunningAttempts(store, { entryId: entry.id, now, outcome: 'cancelled' });
  return { kind: 'fixed' };
}

async function recordQueueRequest(
  { repo, store, now }: RepairDeps,
  repair: Extract<Repair, { kind: 'record-queue-request' }>,
): Promise<FixOutcome> {
  const { base, number } = repair;
  const pending = await store.commands.listPending({ repo, base });
  if ((await store.queue.findActive({ repo, number })) || pending.some((c) => c.number === number))
    return { kind: 'already-changed' };
  await store.commands.record({
    repo,
    base,
    number,
    kind: 'queue',
    requestedBy: repair.requestedBy,
    source: 'label',
    now,
  });
  return { kind: 'fixed' };
}

async function closeStaging(
  { store, now }: RepairDeps,
  repair: Extract<Repair, { kind: 'close-staging' }>,
): Promise<FixOutcome> {
  const record = await store.staging.get(repair.stagingId);
  if (!record || record.state !== repair.from) return { kind: 'already-changed' };
  await store.staging.update({ id: record.id, now, changes: { state: repair.state } });
  for (const { entryId } of repair.requeue) {
    const entry = await store.queue.get(entryId);
    if (entry?.state !== 'testing' && entry?.state !== 'landing') continue;
    await store.queue.update({
      entryId,
      now,
      changes: { state: 'queued' },
      event: { kind: 'staging-abandoned', detail: { staging: record.id, by } },
    });
  }
  const outcome = repair.state === 'landed' ? 'passed' : 'cancelled';
  for (const member of record.prs)
    await finishRunningAttempts(store, {
      entryId: member.entryId,
      now,
      outcome,
      stagingId: record.id,
    });
  return { kind: 'fixed' };
}

async function finishRunningAttempts(
  store: Store,
  input: { entryId: number; now: Date; outcome: 'passed' | 'cancelled'; stagingId?: number },
): Promise<void> {
  for (const attempt of await store.attempts.listForEntry(input.entryId)) {
    if (attempt.outcome !== 'running') continue;
    if (input.stagingId !== undefined && attempt.stagingId !== input.stagingId) continue;
    await store.attempts.finish({ attemptId: attempt.id, now: input.now, outcome: input.outcome });
  }
}

/** Only the tip that was looked at is deleted: a branch that moved since is someone's new build. */
async function deleteBranch(
  { github }: RepairDeps,
  repair: Extract<Repair, { kind: 'delete-branch' }>,
): Promise<FixOutcome> {
  if (!github) return { kind: 'failed', message: 'GitHub is not connected.' };
  if ((await github.branchSha(repair.branch)) !== repair.sha) return { kind: 'already-changed' };
  const deleted = await github.deleteBranch(repair.branch);
  switch (deleted.kind) {
    case 'ok':
      return { kind: 'fixed' };
    case 'missing':
      return { kind: 'already-changed' };
    case 'rejected':
    case 'unknown':
      return { kind: 'failed', message: deleted.message };
  }
}

async function closeJournalRow(
  { repo, store, now }: RepairDeps,
  repair: Extract<Repair, { kind: 'close-journal-row' }>,
): Promise<FixOutcome> {
  const open = await store.journal.listOpen(repo);
  if (!open.some((row) => row.id === repair.rowId)) return { kind: 'already-changed' };
  await store.journal.recordOutcome({
    id: repair.rowId,
    now,
    status: repair.status,
    result: { resolvedBy: by, observed: repair.observed },
  });
  return { kind: 'fixed' };
}
