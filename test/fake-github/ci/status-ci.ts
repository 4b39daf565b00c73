/**
 * Commit-status CI, the way an external CI reports: `pending` as soon as it sees the
 * commit, the final state when the build is done (by the test in manual mode, by the
 * virtual clock in auto mode).
 */
import type { Account } from '../world/types.js';
import type { World } from '../world/world.js';
import type { CiTrigger, RepoCi, StatusWait } from './ci-state.js';
import type { CiCore } from './ci-core.js';
import { contextFor } from './ci-core.js';
import { resolveScripted } from './evaluate-job.js';
import { matchesTrigger } from './match-trigger.js';
import { createCommitStatus } from '../domain/statuses.js';

const defaultAfterMs = 30_000;

/** The account behind the external CI's token. */
function ciAccount(world: World): Account {
  return world.account('external-ci');
}

export async function startStatusCi(
  core: CiCore,
  repoCi: RepoCi,
  trigger: CiTrigger,
  at: Date,
): Promise<void> {
  for (const script of repoCi.script.statuses ?? []) {
    if (!matchesTrigger(script.on ?? { push: ['**'], pull_request: true }, trigger)) continue;
    await createCommitStatus(core.services, {
      repo: repoCi.repo,
      sha: trigger.sha,
      state: 'pending',
      context: script.context,
      description: 'Build started',
      targetUrl: script.targetUrl ?? null,
      creator: ciAccount(core.services.world),
    });
    repoCi.statusWaits.push({
      script,
      trigger,
      dueAt: at.getTime() + (script.afterMs ?? defaultAfterMs),
    });
  }
}

export async function finishStatus(core: CiCore, repoCi: RepoCi, wait: StatusWait): Promise<void> {
  repoCi.statusWaits.splice(repoCi.statusWaits.indexOf(wait), 1);
  const ctx = contextFor(
    { repo: repoCi.repo, trigger: wait.trigger },
    { job: wait.script.context, attempt: 1 },
  );
  const state = (await resolveScripted(wait.script.state, ctx)) ?? 'success';
  await createCommitStatus(core.services, {
    repo: repoCi.repo,
    sha: wait.trigger.sha,
    state,
    context: wait.script.context,
    description: wait.script.description ?? (state === 'success' ? 'Build passed' : 'Build failed'),
    targetUrl: wait.script.targetUrl ?? null,
    creator: ciAccount(core.services.world),
  });
}
