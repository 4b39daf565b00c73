import { createHash } from 'node:crypto';
import type { CheckRunRender } from '../messages/index.js';
import type { ReconcileDeps } from './types.js';

/**
 * Writes the `Sluice` check run of one PR head: created once, then updated only when what it
 * says changed (a fingerprint in the store), so a quiet reconcile costs no API call.
 */
export async function writeCheckRun(
  deps: ReconcileDeps,
  pr: number,
  headSha: string,
  render: CheckRunRender,
): Promise<void> {
  if (headSha === '') return;
  const repo = `${deps.github.owner}/${deps.github.repo}`;
  const fingerprint = createHash('sha256')
    .update(JSON.stringify(render))
    .digest('hex')
    .slice(0, 32);
  const known = await deps.store.checkRuns.get({ repo, number: pr, headSha });
  if (known?.fingerprint === fingerprint) return;
  const [firstAnnotations = [], ...moreAnnotations] = render.annotations;
  const output = {
    title: render.title,
    summary: render.summary,
    ...(render.text ? { text: render.text } : {}),
  };
  const state = {
    status: render.status,
    ...(render.conclusion ? { conclusion: render.conclusion } : {}),
  };
  const id = await deps.github.writeCheckRun(
    {
      name: deps.settings.checkName,
      headSha,
      ...state,
      output: { ...output, annotations: firstAnnotations },
      actions: render.actions,
      externalId: `${repo}#${pr}`,
    },
    known?.checkRunId,
  );
  // GitHub takes at most 50 annotations per request: the rest follow as updates.
  for (const annotations of moreAnnotations) {
    await deps.github.writeCheckRun(
      { name: deps.settings.checkName, headSha, ...state, output: { ...output, annotations } },
      id,
    );
  }
  await deps.store.checkRuns.save({
    repo,
    number: pr,
    headSha,
    checkRunId: id,
    fingerprint,
    now: deps.now(),
  });
}
