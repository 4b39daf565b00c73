import type { PullKit } from './pull-kit.js';
import type { CheckConclusion, CheckStatus, CommitStatus, RepoState } from '../../world/types.js';

/** A check run as CI would leave it on `sha` (the checks API belongs to another area). */
export function addCheckRun(
  kit: PullKit,
  repo: RepoState,
  run: {
    sha: string;
    name: string;
    status?: CheckStatus;
    conclusion?: CheckConclusion | null;
    appId?: number;
  },
): void {
  const id = kit.gh.world.ids.next('check_run');
  const now = kit.gh.world.clock.now();
  repo.checkRuns.set(id, {
    id,
    suiteId: 0,
    appId: run.appId ?? 15368,
    name: run.name,
    headSha: run.sha,
    status: run.status ?? 'completed',
    conclusion: run.conclusion === undefined ? 'success' : run.conclusion,
    externalId: null,
    detailsUrl: null,
    startedAt: now,
    completedAt: run.status === undefined || run.status === 'completed' ? now : null,
    output: { title: null, summary: null, text: null, annotations: [] },
    actions: [],
  });
}

export function addStatus(
  kit: PullKit,
  repo: RepoState,
  status: { sha: string; context: string; state: CommitStatus['state'] },
): void {
  const now = kit.gh.world.clock.now();
  const id = kit.gh.world.ids.next('status');
  repo.statuses.push({
    id,
    ...status,
    description: null,
    targetUrl: null,
    creator: kit.gh.world.account('ci-bot'),
    createdAt: now,
    updatedAt: now,
  });
}
