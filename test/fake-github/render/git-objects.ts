import type { World } from '../world/world.js';
import type { RepoState } from '../world/types.js';
import type { CommitInfo, Ref, TreeEntry } from '../git/index.js';
import { commitUrls, displayMessage, renderSignature, unsignedVerification } from './commit.js';

function gitApi(world: World, repo: RepoState): string {
  return `${world.apiUrl}/repos/${repo.fullName}/git`;
}

/** `git-ref`: the URL names the ref without `refs/`, as the read endpoints take it. */
export function renderGitRef(world: World, repo: RepoState, ref: Ref): Record<string, unknown> {
  const kind = ref.type === 'tag' ? 'tags' : `${ref.type}s`;
  return {
    ref: ref.ref,
    node_id: `REF_${Buffer.from(`${repo.id}:${ref.ref}`).toString('base64url')}`,
    url: `${gitApi(world, repo)}/${ref.ref}`,
    object: { type: ref.type, sha: ref.sha, url: `${gitApi(world, repo)}/${kind}/${ref.sha}` },
  };
}

export function renderGitCommit(
  world: World,
  repo: RepoState,
  commit: CommitInfo,
): Record<string, unknown> {
  const urls = commitUrls(world, repo, commit.sha);
  return {
    sha: commit.sha,
    node_id: `C_${commit.sha.slice(0, 24)}`,
    url: urls.git,
    html_url: urls.html,
    author: renderSignature(commit.author),
    committer: renderSignature(commit.committer),
    tree: { sha: commit.tree, url: `${gitApi(world, repo)}/trees/${commit.tree}` },
    message: displayMessage(commit.message),
    parents: commit.parents.map((sha) => {
      const parent = commitUrls(world, repo, sha);
      return { sha, url: parent.git, html_url: parent.html };
    }),
    verification: unsignedVerification,
  };
}

export function renderGitTree(
  world: World,
  repo: RepoState,
  tree: { sha: string; entries: TreeEntry[]; truncated: boolean },
): Record<string, unknown> {
  return {
    sha: tree.sha,
    url: `${gitApi(world, repo)}/trees/${tree.sha}`,
    tree: tree.entries.map((entry) => ({
      path: entry.path,
      mode: entry.mode,
      type: entry.type,
      sha: entry.sha,
      ...(entry.size === undefined ? {} : { size: entry.size }),
      url: `${gitApi(world, repo)}/${entry.type}s/${entry.sha}`,
    })),
    truncated: tree.truncated,
  };
}

/** Base64 wrapped at 60 characters, as GitHub sends blob and file content. */
export function wrappedBase64(content: Buffer): string {
  const flat = content.toString('base64');
  return flat.replace(/.{60}/g, '$&\n');
}

export function renderBlob(
  world: World,
  repo: RepoState,
  blob: { sha: string; content: Buffer },
): Record<string, unknown> {
  return {
    sha: blob.sha,
    node_id: `B_${blob.sha.slice(0, 24)}`,
    size: blob.content.length,
    url: `${gitApi(world, repo)}/blobs/${blob.sha}`,
    content: wrappedBase64(blob.content),
    encoding: 'base64',
  };
}

export function renderShortBlob(
  world: World,
  repo: RepoState,
  sha: string,
): Record<string, unknown> {
  return { url: `${gitApi(world, repo)}/blobs/${sha}`, sha };
}
