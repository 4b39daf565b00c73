import type { CheckRunOutput, CheckRunWrite, CheckRunWriteResult } from './port.js';
import { readGitHub } from './call-github.js';
import { sendNotice } from './notice-write-outcome.js';
import type { RepoContext } from './repo-context.js';
import { writeOnce } from './repo-context.js';

/** GitHub accepts at most 50 annotations per request; more go in further updates. */
export const annotationsPerRequest = 50;

type Annotations = NonNullable<CheckRunOutput['annotations']>;

function chunksOf(annotations: Annotations): Annotations[] {
  const chunks: Annotations[] = [];
  for (let i = 0; i < annotations.length; i += annotationsPerRequest) {
    chunks.push(annotations.slice(i, i + annotationsPerRequest));
  }
  return chunks;
}

function outputWith(output: CheckRunOutput, annotations: Annotations | undefined) {
  return {
    title: output.title,
    summary: output.summary,
    ...(output.text === undefined ? {} : { text: output.text }),
    ...(annotations === undefined ? {} : { annotations }),
  };
}

/**
 * Creates the check run, or updates run `id`. Annotations are appended on every update
 * (GitHub's rule), so the caller sends each annotation once. Every request is sent once
 * (`writeOnce`): a create GitHub applied before answering 502 would otherwise make a second
 * run. A failure after the run exists still names its id, so the caller can keep it.
 */
export async function writeCheckRun(
  ctx: RepoContext,
  check: CheckRunWrite,
  id?: number,
): Promise<CheckRunWriteResult> {
  const { checks } = ctx.octokit.rest;
  const where = { owner: ctx.owner, repo: ctx.repo, request: writeOnce };
  const [first, ...rest] = chunksOf(check.output.annotations ?? []);
  const fields = {
    ...where,
    name: check.name,
    status: check.status,
    ...(check.conclusion === undefined ? {} : { conclusion: check.conclusion }),
    ...(check.actions === undefined ? {} : { actions: check.actions }),
    ...(check.detailsUrl === undefined ? {} : { details_url: check.detailsUrl }),
    ...(check.externalId === undefined ? {} : { external_id: check.externalId }),
    output: outputWith(check.output, first),
  };
  let runId = id;
  let nodeId: string | undefined;
  const written = await sendNotice(
    ctx.log,
    id === undefined ? 'checks/create' : 'checks/update',
    async () => {
      const answer =
        id === undefined
          ? await checks.create({ ...fields, head_sha: check.headSha })
          : await checks.update({ ...fields, check_run_id: id });
      runId = answer.data.id;
      nodeId = answer.data.node_id;
    },
  );
  if (written.kind !== 'ok' || runId === undefined)
    return written.kind === 'ok'
      ? { kind: 'unknown', message: 'no id in the answer' }
      : { ...written, ...(runId === undefined ? {} : { id: runId }) };
  for (const chunk of rest) {
    const more = await sendNotice(ctx.log, 'checks/update', () =>
      checks.update({ ...where, check_run_id: runId!, output: outputWith(check.output, chunk) }),
    );
    if (more.kind !== 'ok') return { ...more, id: runId };
  }
  ctx.log?.debug({ runId, name: check.name, status: check.status }, 'wrote check run');
  return { kind: 'ok', id: runId, ...(nodeId === undefined ? {} : { nodeId }) };
}

/**
 * Our check run on `headSha` whose `external_id` is `externalId`, if GitHub has one: what a
 * create whose answer was lost may have made. Newest first, as GitHub lists them.
 */
export async function findCheckRun(
  ctx: RepoContext,
  input: { headSha: string; name: string; externalId: string },
): Promise<number | undefined> {
  const runs = await readGitHub(ctx, 'checks/list-for-ref', () =>
    ctx.octokit.paginate(ctx.octokit.rest.checks.listForRef, {
      owner: ctx.owner,
      repo: ctx.repo,
      ref: input.headSha,
      check_name: input.name,
      filter: 'all',
      per_page: 100,
    }),
  );
  return runs.find((run) => run.external_id === input.externalId)?.id;
}
