import type { HandlerContext, HandlerTable } from './types.js';
import { requireRepo } from './types.js';
import { GitHubError, notFound } from '../http/github-error.js';
import {
  InvalidPathError,
  ObjectNotFoundError,
  type TreeEntryInput,
  type TreeMode,
} from '../git/index.js';
import { readObjects } from '../git/read-objects.js';
import {
  renderBlob,
  renderGitCommit,
  renderGitTree,
  renderShortBlob,
} from '../render/git-objects.js';
import { actingAccount } from '../domain/pulls/acting-account.js';
import { created } from './created.js';

interface TreeItem {
  path: string;
  mode: TreeMode;
  type: 'blob' | 'tree' | 'commit';
  sha?: string | null;
  content?: string;
}

interface SignatureInput {
  name: string;
  email: string;
  date?: string;
}

/** Trees may be named by sha, branch or commit: GitHub peels them to the tree. */
async function peelTree(ctx: HandlerContext, name: string): Promise<string | undefined> {
  if (name.startsWith('-')) return undefined;
  const { stdout, exitCode } = await requireRepo(ctx).git.git(
    ['rev-parse', '--verify', '-q', `${name}^{tree}`],
    { okExitCodes: [0, 1, 128] },
  );
  return exitCode === 0 ? stdout.toString('utf8').trim() : undefined;
}

function toEntry(item: TreeItem): TreeEntryInput {
  if (item.content !== undefined)
    return { path: item.path, mode: item.mode, content: item.content };
  return { path: item.path, mode: item.mode, sha: item.sha ?? null };
}

/** Without author, GitHub uses the authenticated account and the current time; committer defaults to author. */
function signature(
  input: SignatureInput | undefined,
  fallback: { name: string; email: string; date: Date },
) {
  if (!input) return fallback;
  return {
    name: input.name,
    email: input.email,
    date: input.date ? new Date(input.date) : fallback.date,
  };
}

export const gitObjectHandlers: HandlerTable = {
  'git/get-commit': async (ctx) => {
    const repo = requireRepo(ctx);
    const [object] = await readObjects(repo.git.git, [ctx.params.commit_sha ?? '']);
    if (object?.type !== 'commit') throw notFound();
    const commit = await repo.git.readCommit(object.sha);
    return { status: 200, body: renderGitCommit(ctx.world, repo, commit!) };
  },

  'git/create-commit': async (ctx) => {
    const repo = requireRepo(ctx);
    const body = ctx.body as {
      message: string;
      tree: string;
      parents?: string[];
      author?: SignatureInput;
      committer?: SignatureInput;
    };
    const [tree] = await readObjects(repo.git.git, [body.tree]);
    if (tree?.type !== 'tree') throw new GitHubError(422, 'Tree SHA does not exist');
    const parents = body.parents ?? [];
    const found = await readObjects(repo.git.git, parents);
    if (found.some((p) => p?.type !== 'commit'))
      throw new GitHubError(422, 'Parent SHA does not exist or is not a commit object');
    const me = actingAccount(ctx.caller);
    // The time of the request, moved on by a tick: the virtual clock stands still between
    // events, and two identical commits made "at once" would otherwise share a SHA, where on
    // GitHub a rebuild minutes later gets a new one (CI reruns are counted by it).
    const author = signature(body.author, {
      name: me.name,
      email: me.email,
      date: ctx.world.clock.tick(),
    });
    const committer = signature(body.committer, author);
    const sha = await repo.git.createCommit({
      tree: tree.sha,
      parents: found.map((p) => p!.sha),
      message: body.message,
      author,
      committer,
    });
    return created(renderGitCommit(ctx.world, repo, (await repo.git.readCommit(sha))!));
  },

  // `recursive` set to anything, even "0" or "false", means recursive (GitHub's docs).
  'git/get-tree': async (ctx) => {
    const repo = requireRepo(ctx);
    const sha = await peelTree(ctx, ctx.params.tree_sha ?? '');
    if (sha === undefined) throw notFound();
    const entries = await repo.git.readTree(sha, { recursive: ctx.query.recursive !== undefined });
    return {
      status: 200,
      body: renderGitTree(ctx.world, repo, { sha, entries, truncated: false }),
    };
  },

  'git/create-tree': async (ctx) => {
    const repo = requireRepo(ctx);
    const body = ctx.body as { tree: TreeItem[]; base_tree?: string };
    const baseTree = body.base_tree === undefined ? undefined : await peelTree(ctx, body.base_tree);
    if (body.base_tree !== undefined && baseTree === undefined)
      throw new GitHubError(422, 'Invalid tree info');
    try {
      const sha = await repo.git.createTree({ baseTree, entries: body.tree.map(toEntry) });
      const entries = await repo.git.readTree(sha);
      return created(renderGitTree(ctx.world, repo, { sha, entries, truncated: false }));
    } catch (error) {
      if (error instanceof InvalidPathError)
        throw new GitHubError(422, 'tree.path contains a malformed path component');
      // GitHub's wording for a tree entry naming a missing object (verify).
      if (error instanceof ObjectNotFoundError)
        throw new GitHubError(422, 'GitRPC::BadObjectState');
      throw error;
    }
  },

  'git/get-blob': async (ctx) => {
    const repo = requireRepo(ctx);
    const [object] = await readObjects(repo.git.git, [ctx.params.file_sha ?? '']);
    if (object?.type !== 'blob') throw notFound();
    return { status: 200, body: renderBlob(ctx.world, repo, object) };
  },

  'git/create-blob': async (ctx) => {
    const repo = requireRepo(ctx);
    const { content, encoding = 'utf-8' } = ctx.body as { content: string; encoding?: string };
    if (encoding !== 'utf-8' && encoding !== 'base64')
      throw new GitHubError(422, `encoding must be "utf-8" or "base64"`);
    const sha = await repo.git.writeBlob(
      Buffer.from(content, encoding === 'base64' ? 'base64' : 'utf8'),
    );
    return created(renderShortBlob(ctx.world, repo, sha));
  },
};
