import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { GitHubKit } from '../github/support/github-kit.js';
import { scriptCi } from '../../fake-github/control/ci-ops.js';
import { listRuns } from '../../fake-github/control/ci-snapshots.js';
import type { RepoState } from '../../fake-github/world/types.js';
import { fencedGitHub } from '../../../src/reconcile/fenced-github.js';
import { LeaseLostError } from '../../../src/reconcile/lease-lost-error.js';
import { QueueLease } from '../../../src/reconcile/queue-lease.js';
import { openStore } from '../../../src/store/index.js';
import type { Store } from '../../../src/store/types.js';

const name = 'reconcile:acme/widgets:main';
const ttlMs = 60_000;
const quiet = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

describe('cancelling workflow runs under a queue lease', () => {
  let kit: GitHubKit;
  let dir: string;
  let store: Store;
  let clock: number;
  beforeAll(async () => {
    kit = await GitHubKit.start();
  });
  afterAll(() => kit.close());
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fenced-github-'));
    store = await openStore({ sqlitePath: join(dir, 's.db') });
    clock = Date.UTC(2026, 0, 1, 12);
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A replica taking the lease now, and counting how often its writes ask the fence. */
  async function replica(holder: string) {
    const now = () => new Date(clock);
    const taken = await store.leases.acquire({ name, holder, now: now(), ttlMs });
    if (!taken.ok) throw new Error(`${holder} could not take the lease`);
    const lease = new QueueLease(taken.lease, { leases: store.leases, now, ttlMs, log: quiet });
    const fence = { asked: 0, assertHeld: () => (fence.asked++, lease.assertHeld()) };
    return fence;
  }

  /** A staging commit with one CI run still going. */
  async function staging(): Promise<{ repo: RepoState; sha: string; runId: number }> {
    const repo = await kit.repo();
    const jobs = [{ name: 'test' }];
    const on = { push: ['sluice/staging/**'] };
    scriptCi(kit.services, {
      repo,
      script: { workflows: [{ name: 'CI', file: 'ci.yml', on, jobs }] },
    });
    const sha = (await repo.git.resolveRef('refs/heads/main'))!;
    await kit.port(repo).setBranch('sluice/staging/main', sha, { force: true });
    return { repo, sha, runId: listRuns(kit.services, { repo, sha })[0]!.id };
  }

  const runStatus = (repo: RepoState, sha: string) =>
    listRuns(kit.services, { repo, sha }).map((run) => [run.status, run.conclusion]);

  it('fences the cancel as a write: a replica that lost the lease sends nothing', async () => {
    const { repo, sha, runId } = await staging();
    const stale = await replica('replica-a');
    // A pause longer than the lease, and another replica takes it over.
    clock += ttlMs + 1;
    const holder = await replica('replica-b');
    const before = kit.requests('actions/cancel-workflow-run').length;

    const refused = await fencedGitHub(kit.port(repo), stale)
      .cancelRunsFor(sha)
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(LeaseLostError);
    expect(stale.asked).toBe(1);
    expect(kit.requests('actions/cancel-workflow-run')).toHaveLength(before);
    expect(runStatus(repo, sha)).toEqual([['in_progress', null]]);

    expect(await fencedGitHub(kit.port(repo), holder).cancelRunsFor(sha)).toEqual({
      cancelled: [runId],
      failed: [],
    });
    expect(holder.asked).toBe(1);
    expect(runStatus(repo, sha)).toEqual([['completed', 'cancelled']]);
    kit.gh.assertClean();
  });

  it('lets reads through without asking the fence, even once the lease is lost', async () => {
    const { repo, sha } = await staging();
    const stale = await replica('replica-a');
    clock += ttlMs + 1;
    await replica('replica-b');
    const checks = await fencedGitHub(kit.port(repo), stale).checksOn(sha);
    expect(checks.map((check) => check.name)).toEqual(['test']);
    expect(stale.asked).toBe(0);
    kit.gh.assertClean();
  });
});
