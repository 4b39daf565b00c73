import { readGitHub } from './call-github.js';
import type { RepoContext } from './repo-context.js';

/**
 * Who last added `label`, from the PR's issue events (oldest first): used when the `labeled`
 * webhook was missed and only the label itself is seen. Undefined when no event names it
 * (or its actor's account is gone).
 */
export async function labeledBy(
  ctx: RepoContext,
  number: number,
  label: string,
): Promise<string | undefined> {
  const events = await readGitHub(ctx, 'issues/list-events', () =>
    ctx.octokit.paginate(ctx.octokit.rest.issues.listEvents, {
      owner: ctx.owner,
      repo: ctx.repo,
      issue_number: number,
      per_page: 100,
    }),
  );
  const wanted = label.toLowerCase();
  const latest = events
    .filter((e) => e.event === 'labeled' && 'label' in e && e.label.name.toLowerCase() === wanted)
    .at(-1);
  return latest?.actor?.login;
}
