import type { SluiceRuntime } from '../runtime/sluice-runtime.js';
import type { ParseConfigResult } from '../config/index.js';
import { loadConfig } from '../reconcile/load-config.js';
import type { CommandKind, CommandSource, Priority } from '../store/types.js';
import { pullSnapshot, type PullRequestEvent } from './payloads.js';
import type { ObservedPull } from '../queue/types.js';
import { canWriteHead, toObservedPull } from '../github/to-observed-pull.js';

/** The app's own label and comment events come back to it: they are not requests. */
export function isOwnEvent(
  runtime: SluiceRuntime,
  sender: { login: string; type: string },
): boolean {
  return (
    sender.type === 'Bot' &&
    runtime.botLogin !== undefined &&
    sender.login.toLowerCase() === runtime.botLogin.toLowerCase()
  );
}

/** A repository's config, from the cache or read (and then cached). */
export async function configOf(runtime: SluiceRuntime, repo: string): Promise<ParseConfigResult> {
  const cache = runtime.cache(repo);
  const cached = cache.config();
  if (cached) return cached;
  const deps = await runtime.deps(repo);
  const config = await loadConfig(deps.github);
  cache.rememberConfig(config);
  return config;
}

/** The queue label of a repository (from its config, cached); the default when it cannot be read. */
export async function queueLabelOf(runtime: SluiceRuntime, repo: string): Promise<string> {
  const config = await configOf(runtime, repo);
  return config.ok ? config.config.queue.label : 'merge-queue';
}

export async function recordCommand(
  runtime: SluiceRuntime,
  input: {
    repo: string;
    base: string;
    number: number;
    kind: CommandKind;
    priority?: Priority;
    by: string;
    source: CommandSource;
    /** The PR as the request's webhook carried it, held instead of read again. */
    pull?: { observed: ObservedPull; updatedAt: string };
  },
): Promise<void> {
  await runtime.store.commands.record({
    repo: input.repo,
    base: input.base,
    number: input.number,
    kind: input.kind,
    priority: input.priority ?? null,
    requestedBy: input.by,
    source: input.source,
    now: runtime.now(),
  });
  const cache = runtime.cache(input.repo);
  if (input.pull) cache.rememberPullFromEvent(input.pull.observed, input.pull.updatedAt);
  else cache.forgetPull(input.number);
  void runtime.reconcile({ repo: input.repo, base: input.base }, `${input.source} ${input.kind}`);
}

/**
 * Labeling a PR with the queue label is a request to queue it; every other PR change is only
 * a hint that the queue of its base should look again.
 */
export async function onPullRequest(
  runtime: SluiceRuntime,
  event: PullRequestEvent,
): Promise<void> {
  const repo = event.repository.full_name;
  const { number, base } = { number: event.pull_request.number, base: event.pull_request.base.ref };
  runtime.cache(repo).nodeIds.learn({
    repository: event.repository.node_id,
    pull: { number, id: event.pull_request.node_id },
    labels: [...(event.pull_request.labels ?? []), ...(event.label ? [event.label] : [])],
  });
  // What the app did itself (moving a head to land it, the merge that follows, labels it
  // changed) the reconcile that did it already knows: no request, no new look needed.
  if (isOwnEvent(runtime, event.sender)) return;
  if (event.action === 'labeled' && event.label) {
    if (event.label.name === (await queueLabelOf(runtime, repo))) {
      await recordCommand(runtime, {
        repo,
        base,
        number,
        kind: 'queue',
        by: event.sender.login,
        source: 'label',
        ...pullFromEvent(repo, event.pull_request),
      });
      return;
    }
  }
  runtime.cache(repo).notePullEvent(number, {
    updatedAt: event.pull_request.updated_at,
    headSha: event.pull_request.head.sha,
  });
  void runtime.reconcile({ repo, base }, `pull_request.${event.action}`);
  const previousBase = event.changes?.base?.ref.from;
  if (previousBase && previousBase !== base)
    void runtime.reconcile({ repo, base: previousBase }, 'pull request retargeted');
}

/**
 * The PR as its event carried it, in the terms a read gives (approvals are read separately,
 * as they are for a read); nothing when the payload lacks a field a read would have.
 */
function pullFromEvent(
  repo: string,
  pr: PullRequestEvent['pull_request'],
): { pull?: { observed: ObservedPull; updatedAt: string } } {
  const parsed = pullSnapshot.safeParse(pr);
  if (!parsed.success) return {};
  const snapshot = parsed.data;
  const [owner = '', name = ''] = repo.split('/');
  const writable = canWriteHead(
    { owner, repo: name },
    snapshot.head.repo?.full_name ?? null,
    snapshot.maintainer_can_modify,
  );
  return { pull: { observed: toObservedPull(snapshot, writable), updatedAt: snapshot.updated_at } };
}
