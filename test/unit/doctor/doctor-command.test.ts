import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { generateKeyPairSync } from 'node:crypto';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { runCli } from '../../../src/cli/main.js';
import { openStoreDatabase } from '../../../src/store/index.js';
import { anHourAgo, DoctorWorld } from './support/doctor-world.js';
import { arrangeDrift } from './support/arrange-drift.js';

interface FindingJson {
  severity: string;
  kind: string;
  detail: Record<string, unknown>;
  fix: Record<string, unknown> | null;
  outcome: { result: string } | null;
}
interface RepoJson {
  repo: string;
  config: { valid: boolean; errors?: { line: number; keyPath: string }[] } | null;
  queues: { stagings: unknown[] }[];
  findings: FindingJson[];
  notes: string[];
  flakes: { job: string; count: number }[];
}
const reposOf = (stdout: string) => (JSON.parse(stdout) as { repos: RepoJson[] }).repos;

let world: DoctorWorld;
beforeAll(async () => {
  world = await DoctorWorld.start();
});
afterAll(() => world.close());
beforeEach(() => world.openStore());
afterEach(async () => {
  await world.closeStore();
  world.gh.assertClean();
});

const brief = (findings: FindingJson[]) =>
  findings.map((f) => `${f.severity} ${f.kind} ${f.fix ? `→ ${String(f.fix.kind)}` : '(no fix)'}`);

describe('sluice doctor against the local GitHub', () => {
  it('finds every disagreement between the store and GitHub, and changes nothing', async () => {
    const drift = await arrangeDrift(world);
    const run = await world.doctor(['--json', '--repo', drift.name]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const [report] = reposOf(run.stdout);
    expect(report?.config).toMatchObject({ valid: true });
    expect(brief(report!.findings)).toEqual([
      'warning entry-pr-closed → end-entry',
      'warning entry-pr-merged → end-entry',
      'warning entry-unlabeled → end-entry',
      'warning entry-head-moved (no fix)',
      'warning labeled-not-queued → record-queue-request',
      'error staging-branch-missing → close-staging',
      'info orphan-staging-branch → delete-branch',
      'info orphan-staging-branch (no fix)',
      'info orphan-staging-branch → delete-branch',
      'warning journal-open → close-journal-row',
      'warning journal-open → close-journal-row',
      'info journal-open (no fix)',
    ]);
    expect(report!.findings[4]?.fix).toMatchObject({
      requestedBy: 'bob',
      number: drift.numbers.lost,
    });
    expect(report!.findings.slice(6, 9).map((f) => f.detail.branch)).toEqual([
      'sluice/staging/main',
      'sluice/staging/mystery',
      'sluice/staging/release/1',
    ]);
    expect(report!.findings.slice(9, 11).map((f) => f.fix?.status)).toEqual(['done', 'failed']);
    expect(report!.queues[0]?.stagings).toMatchObject([
      {
        id: drift.staging.id,
        position: 1,
        probe: false,
        state: 'testing',
        prs: [drift.numbers.testing],
      },
    ]);
    expect(report!.notes).toEqual([
      '1 journal row opened in the last 10 minutes: in progress, not judged.',
    ]);
    expect(report!.flakes).toMatchObject([
      { job: 'test', count: 2 },
      { job: 'lint', count: 1 },
    ]);
    expect((await world.store.queue.get(drift.entries.closed.id))?.state).toBe('queued');
    expect(await drift.repo.git.resolveRef('refs/heads/sluice/staging/release/1')).toBeDefined();
  });

  it('with --fix, repairs what is safe, and a second look finds only what the app decides', async () => {
    const drift = await arrangeDrift(world);
    const { store } = world;
    const fixed = await world.doctor(['--fix', '--json', '--repo', drift.name]);
    const outcomes = reposOf(fixed.stdout)[0]!.findings.map((f) => f.outcome?.result ?? null);
    expect(outcomes).toEqual([
      'fixed',
      'fixed',
      'fixed',
      null,
      'fixed',
      'fixed',
      'fixed',
      null,
      'fixed',
      'fixed',
      'fixed',
      null,
    ]);
    const state = async (entry: { id: number }) => {
      const found = await store.queue.get(entry.id);
      return [found?.state, found?.endReason];
    };
    expect(await state(drift.entries.closed)).toEqual(['dequeued', 'closed']);
    expect(await state(drift.entries.merged)).toEqual(['merged', 'merged']);
    expect(await state(drift.entries.unlabeled)).toEqual(['dequeued', 'unlabeled']);
    expect(await state(drift.entries.pushed)).toEqual(['queued', null]);
    expect(await state(drift.entries.testing)).toEqual(['queued', null]);
    expect((await store.staging.get(drift.staging.id))?.state).toBe('abandoned');
    expect((await store.attempts.listForEntry(drift.entries.testing.id))[0]?.outcome).toBe(
      'cancelled',
    );
    expect(await store.commands.listPending({ repo: drift.name, base: 'main' })).toMatchObject([
      { number: drift.numbers.lost, kind: 'queue', requestedBy: 'bob', source: 'label' },
    ]);
    expect(await drift.repo.git.resolveRef('refs/heads/sluice/staging/release/1')).toBeUndefined();
    expect(await drift.repo.git.resolveRef('refs/heads/sluice/staging/main')).toBeUndefined();
    expect(await drift.repo.git.resolveRef('refs/heads/sluice/staging/mystery')).toBeDefined();
    expect((await store.journal.listOpen(drift.name)).map((r) => r.kind)).toEqual([
      'create-comment',
      'update-ref',
    ]);
    // The leases are released: the app can reconcile again at once.
    const lease = await store.leases.acquire({
      name: `reconcile:${drift.name}:main`,
      holder: 'app',
      now: new Date(),
      ttlMs: 1000,
    });
    expect(lease.ok).toBe(true);
    await store.leases.release({ name: `reconcile:${drift.name}:main`, holder: 'app' });

    const again = await world.doctor(['--json', '--repo', drift.name]);
    expect(brief(reposOf(again.stdout)[0]!.findings)).toEqual([
      'warning entry-head-moved (no fix)',
      'info orphan-staging-branch (no fix)',
      'info journal-open (no fix)',
    ]);
    expect(again.code).toBe(1);
  });

  it('fixes nothing while the app holds a queue, and says who holds it', async () => {
    const drift = await arrangeDrift(world);
    await world.store.leases.acquire({
      name: `reconcile:${drift.name}:main`,
      holder: 'sluice-7-app',
      now: new Date(),
      ttlMs: 60_000,
    });
    const run = await world.doctor(['--fix', '--json', '--repo', drift.name]);
    const [report] = reposOf(run.stdout);
    expect(new Set(report!.findings.map((f) => f.outcome?.result ?? null))).toEqual(
      new Set(['queue-busy', null]),
    );
    expect(report!.notes.join('\n')).toContain('reconciled by sluice-7-app');
    expect((await world.store.queue.get(drift.entries.closed.id))?.state).toBe('queued');
    expect(await drift.repo.git.resolveRef('refs/heads/sluice/staging/release/1')).toBeDefined();
    expect(run.code).toBe(1);
  });

  it('reports a broken config with its file, line and fix, and exits 1', async () => {
    const repo = await world.repo({ '.github/sluice.yml': 'queue:\n  onPush: rebase\n' });
    const run = await world.doctor(['--json', '--repo', repo.fullName]);
    const [report] = reposOf(run.stdout);
    expect(report?.config).toMatchObject({
      valid: false,
      errors: [{ line: 2, keyPath: 'queue.onPush' }],
    });
    expect(brief(report!.findings)).toEqual(['error config-invalid (no fix)']);
    expect(run.code).toBe(1);
  });

  it('calls a repository in step with its store healthy, and exits 0', async () => {
    const repo = await world.repo();
    const pull = await world.openPull(repo, 'fine');
    await repo.label(pull.number, 'merge-queue', 'alice');
    await world.store.queue.enqueue({
      repo: repo.fullName,
      base: 'main',
      ...pull,
      queuedBy: 'alice',
      now: anHourAgo(),
    });
    const run = await world.doctor(['--repo', repo.fullName]);
    expect(run.stdout).toContain(`${repo.fullName}\n  config   .github/sluice.yml on main: valid`);
    expect(run.stdout).toContain('Healthy: nothing wrong in 1 repository.');
    expect(run.code).toBe(0);
  });

  it('checks every repository the app is installed on, and every one the store knows', async () => {
    await world.store.flakes.record({
      repo: 'elsewhere/gone',
      job: 'test',
      signature: 'x',
      sha: 'f'.repeat(40),
      now: anHourAgo(),
    });
    const run = await world.doctor(['--json']);
    expect(run.stderr).toBe('');
    const repos = reposOf(run.stdout);
    expect(repos.map((r) => r.repo)).toEqual(
      expect.arrayContaining(['acme/widgets-1', 'elsewhere/gone']),
    );
    const gone = repos.find((r) => r.repo === 'elsewhere/gone');
    expect(brief(gone!.findings)).toEqual(['error repo-not-installed (no fix)']);
  });
});

describe('sluice doctor without GitHub', () => {
  it('reports what the store alone shows, and says GitHub was not checked', async () => {
    const drift = await arrangeDrift(world);
    const requests = world.gh.world.requests.length;
    const run = await world.doctor(['--json', '--repo', drift.name], {});
    const document = JSON.parse(run.stdout) as { github: { checked: boolean; reason: string } };
    expect(document.github).toEqual({
      checked: false,
      reason:
        'APP_ID and PRIVATE_KEY (or PRIVATE_KEY_PATH) are not set, so only what the store shows is reported.',
    });
    expect(brief(reposOf(run.stdout)[0]!.findings)).toEqual([
      'warning journal-open (no fix)',
      'warning journal-open (no fix)',
      'warning journal-open (no fix)',
    ]);
    expect(world.gh.world.requests.length).toBe(requests);
    expect(run.code).toBe(1);
  });

  it.each<[string, NodeJS.ProcessEnv, RegExp]>([
    [
      'a key the app does not have',
      { PRIVATE_KEY: otherKey() },
      /refused the app's credentials \(401/,
    ],
    ['APP_ID without a key', { PRIVATE_KEY: '' }, /APP_ID is set but neither PRIVATE_KEY/],
    [
      'a GitHub that does not answer',
      { GHE_HOST: '127.0.0.1:9' },
      /Could not authenticate as the app at http:\/\/127\.0\.0\.1:9\/api\/v3/,
    ],
  ])('exits 2 on %s, saying what to check', async (_, change, message) => {
    const run = await world.doctor(['--repo', 'acme/widgets-1'], { ...world.env, ...change });
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toMatch(message);
  });

  it('exits 2 on a store it would have to create or migrate first', async () => {
    const missing = await world.doctor(['--database', 'nowhere.db']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^sluice doctor: No SQLite store at .*nowhere\.db/);

    await (await openStoreDatabase({ sqlitePath: join(world.directory, 'bare.db') })).close();
    const bare = await world.doctor(['--database', 'bare.db']);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toMatch(
      /bare\.db has \d+ migrations pending .*: run `sluice migrate` first/,
    );
  });
});

describe('sluice doctor on the command line', () => {
  it('is listed by `sluice --help`, and refuses a malformed --repo as a usage error', async () => {
    const run = async (args: string[]) => {
      const stdout = new PassThrough();
      const stderr = new PassThrough();
      let text = '';
      stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
      stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
      const io = { stdin: new PassThrough(), stdout, stderr, cwd: world.directory, env: {} };
      return { code: await runCli(args, io), text };
    };
    expect((await run(['--help'])).text).toContain(
      '  doctor     compare the store with GitHub, and with --fix repair what is safe to\n',
    );
    const usage = await run(['doctor', '--repo', 'widgets']);
    expect(usage.code).toBe(2);
    expect(usage.text).toBe(
      "sluice doctor: --repo takes OWNER/NAME, not 'widgets'\nRun 'sluice doctor --help' for usage.\n",
    );
  });
});

function otherKey(): string {
  return generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  }).privateKey;
}
