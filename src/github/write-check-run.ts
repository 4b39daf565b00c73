import type { CheckRunOutput, CheckRunWrite } from './port.js';
import { writeGitHub } from './call-github.js';
import type { RepoContext } from './repo-context.js';

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
 * Creates the check run, or updates run `id`; returns its id. Annotations are appended on
 * every update (GitHub's rule), so the caller sends each annotation once.
 */
export async function writeCheckRun(
  ctx: RepoContext,
  check: CheckRunWrite,
  id?: number,
): Promise<number> {
  const { checks } = ctx.octokit.rest;
  const where = { owner: ctx.owner, repo: ctx.repo };
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
  const answer =
    id === undefined
      ? writeGitHub(ctx, 'checks/create', () =>
          checks.create({ ...fields, head_sha: check.headSha }),
        )
      : writeGitHub(ctx, 'checks/update', () => checks.update({ ...fields, check_run_id: id }));
  const runId = (await answer).data.id;
  for (const chunk of rest) {
    await writeGitHub(ctx, 'checks/update', () =>
      checks.update({ ...where, check_run_id: runId, output: outputWith(check.output, chunk) }),
    );
  }
  ctx.log?.debug({ runId, name: check.name, status: check.status }, 'wrote check run');
  return runId;
}
