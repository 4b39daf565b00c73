import type { RepoState } from '../../world/types.js';
import type { Services } from '../../world/services.js';
import type { Caller } from '../../handlers/types.js';
import type { PullIssue } from '../../render/pull-request.js';
import { GitHubError } from '../../http/github-error.js';
import { actingAccount } from './acting-account.js';
import { closePull, reopenPull } from './change-pull-state.js';
import { editPull } from './edit-pull.js';

interface UpdateBody {
  title?: string;
  body?: string;
  state?: 'open' | 'closed';
  base?: string;
  maintainer_can_modify?: boolean;
}

/** Anyone may reach `PATCH /pulls/N` (the pipeline lets it through); only the author and writers may change a PR. */
function assertMayUpdate(repo: RepoState, issue: PullIssue, caller: Caller): void {
  if (caller.kind !== 'user') return;
  const login = caller.account.login.toLowerCase();
  if (login === issue.user.login.toLowerCase() || login === repo.owner.login.toLowerCase()) return;
  const role = repo.collaborators.get(login);
  if (role === 'admin' || role === 'maintain' || role === 'write') return;
  throw new GitHubError(403, 'Must have admin rights to Repository.');
}

/** `PATCH /pulls/N`: edits first (one `edited`), then the state change (`closed` / `reopened`). */
export async function updatePullFromRest(
  services: Services,
  input: { repo: RepoState; issue: PullIssue; caller: Caller; body: Record<string, unknown> },
): Promise<void> {
  const { repo, issue } = input;
  assertMayUpdate(repo, issue, input.caller);
  const body = input.body as UpdateBody;
  const by = actingAccount(input.caller);
  await editPull(services, {
    repo,
    issue,
    by,
    edit: { title: body.title, body: body.body, base: body.base },
  });
  if (body.maintainer_can_modify !== undefined && issue.pull.headRepo !== repo.fullName)
    issue.pull.maintainerCanModify = body.maintainer_can_modify;
  if (body.state === 'closed') await closePull(services, { repo, issue, by });
  if (body.state === 'open') await reopenPull(services, { repo, issue, by });
}
