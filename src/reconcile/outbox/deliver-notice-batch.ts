import { annotationsPerRequest } from '../../github/write-check-run.js';
import type { CheckRunWriteResult, NoticeBatchWrite, NoticeWrite } from '../../github/port.js';
import type { OutboxRow } from '../../store/types.js';
import type { ReconcileDeps } from '../types.js';
import {
  checkRunKey,
  checkRunWriteOf,
  settleCheckRun,
  type CheckRunPayload,
} from './deliver-check-run.js';
import { readPayload } from './read-payload.js';
import { settleRow, type RowOutcome } from './settle-row.js';

/**
 * How many writes share one GraphQL request. A landing or a bisection changes every PR of a
 * batch at once (up to `batch.maxSize`, at most 100: a state and a label each); 25 keeps each
 * request well inside GitHub's time limit for one request while one request carries them all
 * for the usual batch sizes.
 */
export const noticesPerRequest = 25;

/** A row that can go in a batch, with the GraphQL write that tells it. */
export interface BatchedNotice {
  row: OutboxRow;
  write: NoticeBatchWrite;
  /** A check-run row's payload, to keep what the run says once written. */
  payload?: CheckRunPayload;
  /** A removal's label, whose id is forgotten if GitHub refuses it. */
  label?: string;
}

/**
 * A row goes in a batch when nothing has to be looked at first and GraphQL can name what it
 * writes: a check-run state whose run is known by node id, or that has no run yet and was
 * never sent (a create that may have been sent is looked for first, row by row); a label
 * removal never sent, of a PR and label whose ids a webhook told. Everything else — comments,
 * labels added, runs saved before node ids were kept, states with more annotations than one
 * request takes — goes through REST.
 */
export async function batchedNotice(
  deps: ReconcileDeps,
  row: OutboxRow,
): Promise<BatchedNotice | undefined> {
  if (deps.host.noticeMutations === false) return undefined;
  const payload = readPayload(row);
  if (payload.kind === 'remove-label') {
    const ids = deps.cache.nodeIds;
    const pullId = ids.pull(row.number);
    const labelId = ids.label(payload.label);
    if (row.attempts > 0 || pullId === undefined || labelId === undefined) return undefined;
    return { row, label: payload.label, write: { kind: 'remove-label', pullId, labelId } };
  }
  if (payload.kind !== 'check-run') return undefined;
  if (payload.render.annotations.flat().length > annotationsPerRequest) return undefined;
  const check = checkRunWriteOf(deps, row, payload);
  const known = await deps.store.checkRuns.get(checkRunKey(row));
  if (known === undefined)
    return row.attempts === 0 ? { row, payload, write: { kind: 'check-run', check } } : undefined;
  if (known.nodeId === null) return undefined;
  const run = { id: known.checkRunId, nodeId: known.nodeId };
  return { row, payload, write: { kind: 'check-run', check, run } };
}

/**
 * Sends the batch in one request, in the order recorded, and settles each row by its own
 * answer. Every row is `sending` before the request, as a single create is. A document GraphQL
 * refused before running any of it gets its rows back as pending (`undefined`), for REST to
 * send; a host that lacks the mutations is not asked again.
 */
export async function deliverNoticeBatch(
  deps: ReconcileDeps,
  batch: readonly BatchedNotice[],
): Promise<RowOutcome[] | undefined> {
  const { github, store, cache } = deps;
  cache.nodeIds.repository ??= await github.repositoryId();
  for (const { row } of batch) await store.outbox.markSending({ id: row.id, now: deps.now() });
  const answer = await github.writeNotices(
    cache.nodeIds.repository,
    batch.map((b) => b.write),
  );
  if (answer.kind === 'refused') {
    if (answer.hostLacksMutations) deps.host.learnNoticeMutations(false);
    deps.log.warn(
      { repo: batch[0]?.row.repo, err: answer.message, host: answer.hostLacksMutations },
      "GitHub's GraphQL refused a batch of notices before running it: they go through REST",
    );
    for (const { row } of batch)
      await store.outbox.markPending({ id: row.id, now: deps.now(), note: answer.message });
    return undefined;
  }
  deps.host.learnNoticeMutations(true);
  const outcomes: RowOutcome[] = [];
  for (const [index, notice] of batch.entries()) {
    const written = answer.results[index] ?? { kind: 'unknown', message: 'no answer for it' };
    outcomes.push(await settleNotice(deps, notice, written));
  }
  return outcomes;
}

async function settleNotice(
  deps: ReconcileDeps,
  { row, write, payload, label }: BatchedNotice,
  written: CheckRunWriteResult | NoticeWrite,
): Promise<RowOutcome> {
  if (write.kind === 'check-run' && payload) {
    const result: CheckRunWriteResult =
      written.kind === 'ok' && !('id' in written)
        ? { kind: 'unknown', message: 'no check run in the answer' }
        : written;
    return settleCheckRun(deps, row, payload, result, write.run?.id);
  }
  if (written.kind === 'ok') return settleRow(deps, row, written);
  // Refused: the label's id may name a label deleted and made again, so it is forgotten. Either
  // way the next pass looks at the PR's labels and removes it by name if it is still there.
  if (written.kind === 'rejected' && label !== undefined) deps.cache.nodeIds.forgetLabel(label);
  return settleRow(deps, row, { kind: 'unknown', message: written.message });
}
