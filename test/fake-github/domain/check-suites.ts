/**
 * Check suites: one per app and commit (GitHub Actions makes one per workflow run). A suite
 * sums up its latest runs and says `check_suite.completed` each time they have all finished.
 */
import type { Account, App, CheckRun, CheckSuite, RepoState } from '../world/types.js';
import type { Services } from '../world/services.js';
import { renderCheckSuite } from '../render/check-suite.js';
import { worstConclusion } from '../ci/conclusions.js';

/** The newest run per name within each suite: a re-run replaces, another suite's run does not (verify). */
export function latestCheckRuns(runs: CheckRun[]): CheckRun[] {
  const newest = new Map<string, CheckRun>();
  for (const run of runs) {
    const key = `${run.suiteId}\0${run.name}`;
    const seen = newest.get(key);
    if (!seen || run.id > seen.id) newest.set(key, run);
  }
  return [...newest.values()];
}

export function createSuite(
  services: Services,
  input: { repo: RepoState; appId: number; headSha: string; headBranch: string | null },
): CheckSuite {
  const now = services.world.clock.now();
  const suite: CheckSuite = {
    id: services.world.ids.next('check_suite'),
    appId: input.appId,
    headSha: input.headSha,
    headBranch: input.headBranch,
    status: 'queued',
    conclusion: null,
    createdAt: now,
    updatedAt: now,
  };
  input.repo.checkSuites.set(suite.id, suite);
  return suite;
}

/** GitHub makes one suite per app and commit the first time the app reports on it. */
export async function suiteFor(
  services: Services,
  repo: RepoState,
  app: App,
  headSha: string,
): Promise<CheckSuite> {
  const existing = [...repo.checkSuites.values()].find(
    (s) => s.appId === app.id && s.headSha === headSha,
  );
  if (existing) return existing;
  const tips = await repo.git.listRefs('refs/heads/');
  const branch = tips.find((ref) => ref.sha === headSha)?.ref.slice('refs/heads/'.length) ?? null;
  return createSuite(services, { repo, appId: app.id, headSha, headBranch: branch });
}

/** Recomputes a suite from its latest runs; `check_suite.completed` goes out when they have all finished. */
export async function refreshSuite(
  services: Services,
  repo: RepoState,
  suite: CheckSuite,
  sender: Account,
): Promise<void> {
  const runs = latestCheckRuns(
    [...repo.checkRuns.values()].filter((run) => run.suiteId === suite.id),
  );
  const wasCompleted = suite.status === 'completed';
  if (runs.length > 0 && runs.every((run) => run.status === 'completed')) {
    suite.status = 'completed';
    suite.conclusion = worstConclusion(runs.map((run) => run.conclusion ?? 'success'));
  } else {
    suite.status = runs.some((run) => run.status === 'in_progress') ? 'in_progress' : 'queued';
    suite.conclusion = null;
  }
  suite.updatedAt = services.world.clock.now();
  if (!wasCompleted && suite.status === 'completed') {
    const payload = { check_suite: await renderCheckSuite(services.world, repo, suite) };
    services.webhooks.emit({
      repo,
      event: 'check_suite',
      action: 'completed',
      payload,
      sender,
      ownerAppId: suite.appId,
    });
  }
}
