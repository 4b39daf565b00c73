import type { CheckRunWrite, CheckRunWriteResult } from '../../github/port.js';
import type { OutboxRow } from '../../store/types.js';
import { checkRunExternalId } from './check-run-external-id.js';
import type { ReconcileDeps } from '../types.js';
import type { Payload } from './read-payload.js';
import { settleRow, type RowOutcome } from './settle-row.js';

export type CheckRunPayload = Extract<Payload, { kind: 'check-run' }>;

/** The key the store keeps a PR head's run under. */
export const checkRunKey = (row: OutboxRow) => ({
  repo: row.repo,
  number: row.number,
  headSha: row.headSha,
});

/** What GitHub is sent for a row: the state it renders, under this row's external id. */
export function checkRunWriteOf(
  deps: ReconcileDeps,
  row: OutboxRow,
  payload: CheckRunPayload,
): CheckRunWrite {
  const { render } = payload;
  return {
    name: deps.settings.checkName,
    headSha: row.headSha,
    status: render.status,
    ...(render.conclusion ? { conclusion: render.conclusion } : {}),
    output: {
      title: render.title,
      summary: render.summary,
      ...(render.text ? { text: render.text } : {}),
      annotations: render.annotations.flat(),
    },
    actions: render.actions,
    externalId: checkRunExternalId(row),
  };
}

/**
 * Writes the `Sluice` check run of a PR head: updates the run we know; creates one only when
 * none is known and — if a create may have been sent before (the row was `sending`) — none
 * with this row's external id is on GitHub. The row is `sending` before the create, so a
 * crash between GitHub's answer and saving the id is found by the next pass.
 */
export async function deliverCheckRun(
  deps: ReconcileDeps,
  row: OutboxRow,
  payload: CheckRunPayload,
): Promise<RowOutcome> {
  const { github, store, settings } = deps;
  const known = await store.checkRuns.get(checkRunKey(row));
  let id = known?.checkRunId;
  if (id === undefined && row.attempts > 0)
    id = await github.findCheckRun({
      headSha: row.headSha,
      name: settings.checkName,
      externalId: checkRunExternalId(row),
    });
  await store.outbox.markSending({ id: row.id, now: deps.now() });
  const written = await github.writeCheckRun(checkRunWriteOf(deps, row, payload), id);
  return settleCheckRun(deps, row, payload, written, id);
}

/** Keeps the run's id (and node id) GitHub named, then settles the row by the answer. */
export async function settleCheckRun(
  deps: ReconcileDeps,
  row: OutboxRow,
  payload: CheckRunPayload,
  written: CheckRunWriteResult,
  knownId: number | undefined,
): Promise<RowOutcome> {
  const runId = written.kind === 'ok' ? written.id : (written.id ?? knownId);
  if (runId !== undefined) {
    // A run that exists but may not show this row yet keeps no fingerprint: it is written again.
    const fingerprint = written.kind === 'ok' ? payload.fingerprint : '';
    const nodeId = written.kind === 'ok' ? (written.nodeId ?? null) : null;
    await deps.store.checkRuns.save({
      ...checkRunKey(row),
      checkRunId: runId,
      nodeId,
      fingerprint,
      now: deps.now(),
    });
  }
  return settleRow(deps, row, written);
}
