import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { parseConfig, type SluiceConfig } from '../../../src/config/index.js';
import { applyFinishMerged } from '../../../src/reconcile/apply/finish.js';
import { deliverOutbox } from '../../../src/reconcile/outbox/deliver-outbox.js';
import type { ApplyContext } from '../../../src/reconcile/apply/context.js';
import { HostCapabilities } from '../../../src/reconcile/host-capabilities.js';
import { messageContext } from '../../../src/reconcile/message-context.js';
import type { Observation } from '../../../src/reconcile/observe.js';
import { RepoCache, defaultCacheTtl } from '../../../src/reconcile/repo-cache.js';
import { defaultSettings, type ReconcileDeps } from '../../../src/reconcile/types.js';
import { openStore } from '../../../src/store/index.js';
import type { Store } from '../../../src/store/types.js';
import { FakeNoticeGitHub } from './outbox/fake-notice-github.js';

const silent = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
const queue = { repo: 'acme/widgets', base: 'main' };
const now = new Date(Date.UTC(2030, 0, 1));
const head = 'a'.repeat(40);
const landedAs = 'c'.repeat(40);

function configOf(yaml: string): SluiceConfig {
  const parsed = parseConfig(yaml, { path: '.github/sluice.yml' });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.config;
}

describe('finishing a PR the queue landed', () => {
  let dir: string;
  let store: Store;
  let gh: FakeNoticeGitHub;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'finish-'));
    store = await openStore({ sqlitePath: join(dir, 's.db') });
    gh = new FakeNoticeGitHub();
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** PR #7, queued at `head`, landed as `landedAs`: the entry finished under `yaml`'s config. */
  async function finish(yaml: string, stagingSha: string | null = landedAs): Promise<void> {
    const config = configOf(yaml);
    const { entry } = await store.queue.enqueue({
      ...queue,
      number: 7,
      headSha: head,
      queuedBy: 'alice',
      now,
    });
    const cache = new RepoCache(defaultCacheTtl);
    cache.rememberCommitMessage(landedAs, 'feat: add pagination (#7)\n\nSluice-PR: 7\n');
    const deps: ReconcileDeps = {
      github: gh.port(),
      store,
      cache,
      host: new HostCapabilities(),
      now: () => now,
      sleep: () => Promise.resolve(),
      log: silent,
      settings: defaultSettings,
    };
    const ctx = {
      deps,
      queue,
      observation: { stagings: [], pulls: new Map() } as unknown as Observation,
      config,
      messages: messageContext(
        { baseBranch: 'main', config: { ok: true, config }, stagings: [] },
        config,
        'https://github.com/acme/widgets',
      ),
      endedBranches: new Set<string>(),
    } satisfies ApplyContext;
    const applied = await applyFinishMerged(ctx, {
      kind: 'finish-merged',
      entryId: String(entry.id),
      pr: 7,
      headSha: head,
      stagingSha,
    });
    expect(applied).toBe('done');
    // Recorded, told when the pass's effects are all applied.
    expect(await store.outbox.listUndelivered(queue)).not.toEqual([]);
    await deliverOutbox(deps, queue);
    expect(await store.outbox.listUndelivered(queue)).toEqual([]);
  }

  it('by default says where it landed on the check run only: no comment', async () => {
    await finish('');
    expect(gh.calls).toEqual(['removeLabel', 'repositoryId', 'batch(create)']);
    expect(gh.runs.map((r) => [r.status, r.title])).toEqual([
      ['completed', 'Landed on main as ccccccc'],
    ]);
    expect(gh.comments).toEqual([]);
  });

  it('with `landing.comment: true` also comments with the commit it landed as', async () => {
    await finish('landing:\n  comment: true\n');
    expect(gh.calls).toEqual(['removeLabel', 'repositoryId', 'batch(create)', 'comment']);
    expect(gh.comments).toEqual([
      expect.stringMatching(
        /^Landed as \[`ccccccc`\]\(https:\/\/github\.com\/acme\/widgets\/commit\/c{40}\) on `main`/,
      ),
    ]);
  });

  it('still comments on a PR merged outside the queue, which its author may not expect', async () => {
    await finish('', null);
    expect(gh.comments).toEqual([expect.stringMatching(/outside the queue/)]);
  });
});
