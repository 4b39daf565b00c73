import type { FailingJob } from './port.js';
import { readGitHub } from './call-github.js';
import { latestPerName, listCheckRuns } from './checks-on.js';
import { findActionsJob } from './find-actions-job.js';
import type { RepoContext } from './repo-context.js';

type CheckRun = Awaited<ReturnType<typeof listCheckRuns>>[number];

/** Everything but success, neutral and skipped failed, including conclusions not known yet. */
function hasFailed(run: CheckRun): boolean {
  return (
    run.status === 'completed' && !['success', 'neutral', 'skipped'].includes(run.conclusion ?? '')
  );
}

async function annotationsOf(ctx: RepoContext, run: CheckRun): Promise<FailingJob['annotations']> {
  if (run.output.annotations_count === 0) return [];
  const annotations = await readGitHub(ctx, 'checks/list-annotations', () =>
    ctx.octokit.paginate(ctx.octokit.rest.checks.listAnnotations, {
      owner: ctx.owner,
      repo: ctx.repo,
      check_run_id: run.id,
      per_page: 100,
    }),
  );
  return annotations.map((a) => ({ path: a.path, line: a.start_line, message: a.message ?? '' }));
}

async function describeFailure(ctx: RepoContext, run: CheckRun): Promise<FailingJob> {
  const [job, annotations] = await Promise.all([findActionsJob(ctx, run), annotationsOf(ctx, run)]);
  return {
    checkRunId: run.id,
    checkName: run.name,
    conclusion: run.conclusion,
    runId: job?.runId ?? null,
    jobName: job?.name ?? null,
    steps: job?.steps ?? [],
    output: {
      title: run.output.title,
      summary: run.output.summary,
      text: run.output.text,
    },
    annotations,
    url: run.html_url ?? run.details_url,
  };
}

/**
 * What the gate classifier needs about each failing check among `checkNames` on `sha`: the
 * check run, its Actions job and steps when it comes from Actions, and its annotations.
 */
export async function failingJobs(
  ctx: RepoContext,
  sha: string,
  checkNames: string[],
): Promise<FailingJob[]> {
  const wanted = new Set(checkNames);
  const runs = latestPerName(await listCheckRuns(ctx, sha));
  const failed = runs.filter((run) => wanted.has(run.name) && hasFailed(run));
  return Promise.all(failed.map((run) => describeFailure(ctx, run)));
}
