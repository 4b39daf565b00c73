import type { HandlerContext, HandlerTable } from './types.js';
import { requireRepo } from './types.js';
import type { RepoState } from '../world/types.js';
import type { TreeEntry } from '../git/index.js';
import { ObjectNotFoundError } from '../git/index.js';
import { GitHubError, notFound } from '../http/github-error.js';
import {
  renderContentEntry,
  renderFileContent,
  renderSymlinkContent,
  type ContentEntry,
} from '../render/contents.js';

function entryType(entry: TreeEntry): ContentEntry['type'] {
  if (entry.type === 'tree') return 'dir';
  if (entry.type === 'commit') return 'submodule';
  return entry.mode === '120000' ? 'symlink' : 'file';
}

function toContentEntry(entry: TreeEntry, dir: string): ContentEntry {
  const path = dir === '' ? entry.path : `${dir}/${entry.path}`;
  return { path, type: entryType(entry), sha: entry.sha, size: entry.size ?? 0 };
}

/** Lists a directory of a commit; undefined when the path is not a directory there. */
async function listDirectory(
  repo: RepoState,
  commit: string,
  dir: string,
): Promise<ContentEntry[] | undefined> {
  try {
    const entries = await repo.git.readTree(`${commit}:${dir}`);
    return entries.map((e) => toContentEntry(e, dir));
  } catch (error) {
    if (error instanceof ObjectNotFoundError) return undefined;
    throw error;
  }
}

async function renderListing(
  ctx: HandlerContext,
  repo: RepoState,
  commit: string,
  ref: string,
  dir: string,
): Promise<Record<string, unknown>[]> {
  const listing = (await listDirectory(repo, commit, dir)) ?? [];
  return listing.map((e) => renderContentEntry(ctx.world, repo, e, ref));
}

/** The commit `ref` names: a branch, a tag or a sha; the default branch when absent. */
async function resolveContentRef(
  ctx: HandlerContext,
  repo: RepoState,
): Promise<{ ref: string; commit: string }> {
  const asked =
    typeof ctx.query.ref === 'string' && ctx.query.ref !== '' ? ctx.query.ref : undefined;
  const ref = asked ?? repo.defaultBranch;
  const commit = await repo.git.resolveCommit(ref);
  if (commit !== undefined) return { ref, commit };
  throw new GitHubError(
    404,
    asked === undefined ? 'This repository is empty.' : `No commit found for the ref ${ref}`,
  );
}

/** `Accept: application/vnd.github.raw` (Probot's `context.config()` asks this way): the bytes only. */
function rawMediaType(ctx: HandlerContext): string | undefined {
  const accept = ctx.headers.get('accept') ?? '';
  if (accept.includes('vnd.github.v3.raw')) return 'application/vnd.github.v3.raw; charset=utf-8';
  if (accept.includes('vnd.github.raw')) return 'application/vnd.github.raw; charset=utf-8';
  return undefined;
}

export const contentHandlers: HandlerTable = {
  'repos/get-content': async (ctx) => {
    const repo = requireRepo(ctx);
    // Absent for `contents` and `contents/`: the repository's root.
    const path = (ctx.params.path ?? '').replace(/^\/+|\/+$/g, '');
    const { ref, commit } = await resolveContentRef(ctx, repo);
    if (path === '') return { status: 200, body: await renderListing(ctx, repo, commit, ref, '') };
    const slash = path.lastIndexOf('/');
    const parent = await listDirectory(repo, commit, slash < 0 ? '' : path.slice(0, slash));
    const entry = parent?.find((e) => e.path === path);
    if (!entry) throw notFound();
    if (entry.type === 'dir')
      return { status: 200, body: await renderListing(ctx, repo, commit, ref, path) };
    // Submodule commits live in another repository: nothing here to show.
    if (entry.type === 'submodule') throw notFound();
    const blob = await repo.git.readFile(commit, path);
    if (!blob) throw notFound();
    const raw = rawMediaType(ctx);
    if (raw) {
      const headers = { 'content-type': raw, 'x-github-media-type': 'github.v3; param=raw' };
      return { status: 200, body: blob.content, headers };
    }
    const body =
      entry.type === 'symlink'
        ? renderSymlinkContent(ctx.world, repo, entry, ref, blob.content.toString('utf8'))
        : renderFileContent(ctx.world, repo, entry, ref, blob.content);
    return { status: 200, body };
  },
};
