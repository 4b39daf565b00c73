/**
 * What starts CI: a branch push matching a workflow's `push` filters, and a pull request
 * opened, synchronized or reopened (on its head commit) for workflows with `pull_request`.
 */
import type { RefChangeEvent } from '../events/ref-hub.js';
import { zeroSha } from '../events/ref-hub.js';
import type { PullChangeEvent } from '../events/pull-hub.js';
import type { CiTrigger, RepoCi } from './ci-state.js';
import type { CiCore } from './ci-core.js';
import { matchesTrigger } from './match-trigger.js';
import { startRun } from './start-run.js';
import { startStatusCi } from './status-ci.js';

async function startTriggered(core: CiCore, repoCi: RepoCi, trigger: CiTrigger): Promise<void> {
  for (const workflow of repoCi.script.workflows ?? []) {
    if (matchesTrigger(workflow.on, trigger)) await startRun(core, repoCi, workflow, trigger);
  }
  await startStatusCi(core, repoCi, trigger, core.services.world.clock.now());
}

/** Deleted branches and tags start nothing. */
export async function onRefsChanged(
  core: CiCore,
  repoCi: RepoCi,
  event: RefChangeEvent,
): Promise<void> {
  for (const change of event.changes) {
    if (!change.ref.startsWith('refs/heads/') || change.after === zeroSha) continue;
    const branch = change.ref.slice('refs/heads/'.length);
    await startTriggered(core, repoCi, {
      event: 'push',
      sha: change.after,
      branch,
      ref: change.ref,
      actor: event.pusher,
      pullNumber: null,
    });
  }
}

/** GitHub tests a PR's merge ref, but the run and its checks hang on the head commit, which is what we test too. */
export async function onPullChanged(
  core: CiCore,
  repoCi: RepoCi,
  event: PullChangeEvent,
): Promise<void> {
  if (event.change !== 'opened' && event.change !== 'synchronize' && event.change !== 'reopened')
    return;
  const issue = event.repo.issues.get(event.number);
  if (!issue?.pull) return;
  const trigger: CiTrigger = {
    event: 'pull_request',
    sha: event.headSha,
    branch: issue.pull.headRef,
    ref: `refs/pull/${event.number}/merge`,
    actor: issue.user,
    pullNumber: event.number,
  };
  await startTriggered(core, repoCi, trigger);
}
