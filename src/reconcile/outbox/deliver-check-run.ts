import type { OutboxRow } from '../../store/types.js';
import { checkRunExternalId } from './check-run-external-id.js';
import type { ReconcileDeps } from '../types.js';
import type { Payload } from './read-payload.js';
import { settleRow, type RowOutcome } from './settle-row.js';

type CheckRunPayload = Extract<Payload, { kind: 'check-run' }>;

/** Unique per PR and head, so the run a lost create made can be found again. */
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
  const key = { repo: row.repo, number: row.number, headSha: row.headSha };
  const externalId = checkRunExternalId(row);
  const known = await store.checkRuns.get(key);
  let id = known?.checkRunId;
  if (id === undefined && row.attempts > 0)
    id = await github.findCheckRun({ headSha: row.headSha, name: settings.checkName, externalId });
  await store.outbox.markSending({ id: row.id, now: deps.now() });
  const { render } = payload;
  const written = await github.writeCheckRun(
    {
      name: settings.checkName,
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
      externalId,
    },
    id,
  );
  const runId = written.kind === 'ok' ? written.id : (written.id ?? id);
  if (runId !== undefined) {
    // A run that exists but may not show this row yet keeps no fingerprint: it is written again.
    const fingerprint = written.kind === 'ok' ? payload.fingerprint : '';
    await store.checkRuns.save({ ...key, checkRunId: runId, fingerprint, now: deps.now() });
  }
  return settleRow(deps, row, written);
}
