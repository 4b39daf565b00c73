import type { Services } from '../../world/services.js';
import { emitPullEvent } from './emit-pull-event.js';
import { invalidateMergeability } from './mergeability.js';
import { invalidPullField, pullValidationError } from './pull-errors.js';
import type { PullChangeInput } from './change-pull-state.js';

export interface PullEdit {
  title?: string;
  body?: string | null;
  /** Retarget to another branch of the base repository. */
  base?: string;
}

/** Retargeting checks what opening checks: the branch exists and the head adds something to it. */
async function retarget(input: PullChangeInput, base: string): Promise<string> {
  const { repo, issue } = input;
  const tip = await repo.git.resolveRef(`refs/heads/${base}`);
  if (tip === undefined) throw invalidPullField('base');
  if (await repo.git.isAncestor(issue.pull.headSha, tip))
    throw pullValidationError(
      `There are no new commits between base branch '${base}' and head branch '${issue.pull.headRef}'`,
    );
  return tip;
}

/**
 * Title, body and base changes: one `pull_request.edited` with `changes.*.from`. A new base
 * makes mergeability unknown again.
 */
export async function editPull(
  services: Services,
  input: PullChangeInput & { edit: PullEdit },
): Promise<void> {
  const { issue, edit } = input;
  const changes: Record<string, unknown> = {};
  if (edit.base !== undefined && edit.base !== issue.pull.baseRef) {
    const tip = await retarget(input, edit.base);
    changes.base = { ref: { from: issue.pull.baseRef }, sha: { from: issue.pull.baseSha } };
    issue.pull.baseRef = edit.base;
    issue.pull.baseSha = tip;
    invalidateMergeability(issue);
  }
  if (edit.title !== undefined && edit.title !== issue.title) {
    changes.title = { from: issue.title };
    issue.title = edit.title;
  }
  if (edit.body !== undefined && edit.body !== issue.body) {
    changes.body = { from: issue.body ?? '' };
    issue.body = edit.body;
  }
  if (Object.keys(changes).length === 0) return;
  issue.updatedAt = services.world.clock.tick();
  await emitPullEvent(services, {
    repo: input.repo,
    issue,
    action: 'edited',
    sender: input.by,
    extra: { changes },
  });
}
