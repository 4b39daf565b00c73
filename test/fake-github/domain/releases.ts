import type { Account, Release, RepoState } from '../world/types.js';
import type { Services } from '../world/services.js';
import type { World } from '../world/world.js';
import { notFound, validationFailed } from '../http/github-error.js';
import { RefExistsError, ZERO_SHA } from '../git/index.js';
import { renderRelease } from '../render/release.js';

/**
 * Release ids come from their own range, apart from every kind in `world/ids.ts` so ids
 * never collide across kinds in logs; one sequence per world, like the others.
 */
const releaseIds = new WeakMap<World, number>();
const firstReleaseId = 80_000_001;

function nextReleaseId(world: World): number {
  const id = releaseIds.get(world) ?? firstReleaseId;
  releaseIds.set(world, id + 1);
  return id;
}

export function releasesOf(repo: RepoState): Map<number, Release> {
  repo.releases ??= new Map();
  return repo.releases;
}

export function requireRelease(repo: RepoState, id: number): Release {
  const release = releasesOf(repo).get(id);
  if (!release) throw notFound();
  return release;
}

/** Drafts share tag names freely and are never found by tag (`repos/get-release-by-tag`). */
export function findPublishedRelease(repo: RepoState, tag: string): Release | undefined {
  return [...releasesOf(repo).values()].find((r) => !r.draft && r.tagName === tag);
}

/**
 * `repos/list-releases`: drafts first (they are the newest work and have no tag date yet),
 * then published releases newest first. Drafts are listed only to callers who can push.
 */
export function listReleases(repo: RepoState, options: { withDrafts: boolean }): Release[] {
  const all = [...releasesOf(repo).values()].filter((r) => options.withDrafts || !r.draft);
  return all.sort(
    (a, b) =>
      Number(b.draft) - Number(a.draft) ||
      b.createdAt.getTime() - a.createdAt.getTime() ||
      b.id - a.id,
  );
}

/** One published release per tag; drafts may share a tag with anything (ncipollo/release-action#7). */
function assertTagFree(repo: RepoState, tag: string, except?: number): void {
  const holder = findPublishedRelease(repo, tag);
  if (holder && holder.id !== except)
    throw validationFailed('Release', 'tag_name', 'already_exists');
}

async function assertTagName(repo: RepoState, tag: string): Promise<void> {
  const { exitCode } = await repo.git.git(['check-ref-format', `refs/tags/${tag}`], {
    okExitCodes: [0, 1],
  });
  if (tag === '' || exitCode !== 0) throw validationFailed('Release', 'tag_name', 'invalid');
}

/** An existing tag wins over `target_commitish`, which GitHub then ignores. */
async function resolveReleaseCommit(repo: RepoState, tag: string, target: string): Promise<string> {
  const tagged = await repo.git.resolveCommit(`refs/tags/${tag}`);
  if (tagged !== undefined) return tagged;
  const sha = await repo.git.resolveCommit(target);
  if (sha === undefined) throw validationFailed('Release', 'target_commitish', 'invalid');
  return sha;
}

interface Placement {
  repo: RepoState;
  tag: string;
  target: string;
  draft: boolean;
  pusher: Account;
  race?: (() => Promise<void>) | undefined;
}

/**
 * Finds the release's commit and, for a published release without a tag, pushes a
 * lightweight tag there. A tag that appears meanwhile (another push) is used instead, as
 * GitHub would. Answers `created_at`: the date of the commit the release names.
 */
async function placeRelease(services: Services, input: Placement): Promise<Date> {
  const { repo, tag } = input;
  const ref = `refs/tags/${tag}`;
  let sha = await resolveReleaseCommit(repo, tag, input.target);
  if (!input.draft && (await repo.git.resolveRef(ref)) === undefined) {
    await input.race?.();
    const created = await repo.git.createRef(ref, sha).then(
      () => true,
      (error: unknown) => {
        if (error instanceof RefExistsError) return false;
        throw error;
      },
    );
    if (created) {
      const changes = [{ ref, before: ZERO_SHA, after: sha }];
      await services.refs.refsChanged({ repo, changes, pusher: input.pusher });
    } else {
      sha = await resolveReleaseCommit(repo, tag, input.target);
    }
  }
  const commit = await repo.git.readCommit(sha);
  if (!commit) throw new Error(`fake-github: commit ${sha} vanished`);
  return commit.committer.date;
}

type ReleaseAction =
  'created' | 'published' | 'released' | 'prereleased' | 'edited' | 'unpublished';

function emitReleaseEvent(
  services: Services,
  input: {
    repo: RepoState;
    release: Release;
    action: ReleaseAction;
    sender: Account;
    changes?: Record<string, unknown>;
  },
): void {
  services.webhooks.emit({
    repo: input.repo,
    event: 'release',
    action: input.action,
    payload: {
      release: renderRelease(services.world, input.repo, input.release),
      ...(input.changes ? { changes: input.changes } : {}),
    },
    sender: input.sender,
  });
}

/** What GitHub sends when a release goes public: `published`, then `released` or `prereleased`. */
function emitPublished(
  services: Services,
  input: { repo: RepoState; release: Release; sender: Account },
): void {
  emitReleaseEvent(services, { ...input, action: 'published' });
  const kind = input.release.prerelease ? 'prereleased' : 'released';
  emitReleaseEvent(services, { ...input, action: kind });
}

export interface NewRelease {
  repo: RepoState;
  author: Account;
  tagName: string;
  /** A branch or sha; the default branch when absent. Unused when the tag exists. */
  targetCommitish?: string | undefined;
  name?: string | undefined;
  body?: string | undefined;
  draft?: boolean | undefined;
  prerelease?: boolean | undefined;
  /** Runs between reading the tag and creating it (the handler's injected ref race). */
  race?: () => Promise<void>;
}

export async function createRelease(services: Services, input: NewRelease): Promise<Release> {
  const { repo, tagName } = input;
  const draft = input.draft ?? false;
  await assertTagName(repo, tagName);
  if (!draft) assertTagFree(repo, tagName);
  const targetCommitish = input.targetCommitish ?? repo.defaultBranch;
  const placement = { repo, tag: tagName, target: targetCommitish, draft, race: input.race };
  const createdAt = await placeRelease(services, { ...placement, pusher: input.author });
  // Checked again: a concurrent request may have published this tag while git worked.
  if (!draft) assertTagFree(repo, tagName);
  const now = services.world.clock.tick();
  const release: Release = {
    id: nextReleaseId(services.world),
    tagName,
    targetCommitish,
    name: input.name ?? null,
    body: input.body ?? null,
    draft,
    prerelease: input.prerelease ?? false,
    author: input.author,
    createdAt,
    publishedAt: draft ? null : now,
    updatedAt: now,
  };
  releasesOf(repo).set(release.id, release);
  emitReleaseEvent(services, { repo, release, action: 'created', sender: input.author });
  if (!draft) emitPublished(services, { repo, release, sender: input.author });
  return release;
}

export interface ReleaseEdit {
  repo: RepoState;
  id: number;
  actor: Account;
  changes: Partial<
    Pick<Release, 'tagName' | 'targetCommitish' | 'name' | 'body' | 'draft' | 'prerelease'>
  >;
  race?: () => Promise<void>;
}

/** Only the fields given change; publishing a draft tags its commit like a new release. */
export async function updateRelease(services: Services, input: ReleaseEdit): Promise<Release> {
  const { repo, actor } = input;
  const release = requireRelease(repo, input.id);
  const next = { ...release, ...definedOnly(input.changes) };
  if (next.tagName !== release.tagName) await assertTagName(repo, next.tagName);
  if (!next.draft) assertTagFree(repo, next.tagName, release.id);
  const moved =
    next.tagName !== release.tagName || next.targetCommitish !== release.targetCommitish;
  if (moved || (!next.draft && release.draft)) {
    const { tagName: tag, targetCommitish: target, draft } = next;
    const placement = { repo, tag, target, draft, pusher: actor, race: input.race };
    next.createdAt = await placeRelease(services, placement);
    if (!draft) assertTagFree(repo, tag, release.id);
  }
  const now = services.world.clock.tick();
  const before = { ...release };
  Object.assign(release, next, { updatedAt: now });
  if (!release.draft && before.draft) release.publishedAt = now;
  if (release.draft) release.publishedAt = null;
  emitEditEvents(services, { repo, release, before, sender: actor });
  return release;
}

function definedOnly<T extends object>(changes: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(changes).filter(([, value]) => value !== undefined),
  ) as Partial<T>;
}

/** `edited` names what changed; the schema's `from` is a string, so a missing value is "". */
function emitEditEvents(
  services: Services,
  input: { repo: RepoState; release: Release; before: Release; sender: Account },
): void {
  const { release, before } = input;
  const changes: Record<string, { from: string }> = {};
  if (release.body !== before.body) changes.body = { from: before.body ?? '' };
  if (release.name !== before.name) changes.name = { from: before.name ?? '' };
  if (release.tagName !== before.tagName) changes.tag_name = { from: before.tagName };
  if (Object.keys(changes).length > 0)
    emitReleaseEvent(services, { ...input, action: 'edited', changes });
  if (before.draft && !release.draft) emitPublished(services, input);
  else if (!before.draft && release.draft)
    emitReleaseEvent(services, { ...input, action: 'unpublished' });
  else if (!release.draft && before.prerelease && !release.prerelease)
    emitReleaseEvent(services, { ...input, action: 'released' });
}
