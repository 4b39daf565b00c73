import type { World } from '../world/world.js';
import type { RepoState } from '../world/types.js';

/** One object at a path, as `repos/get-content` reports it. */
export interface ContentEntry {
  path: string;
  type: 'file' | 'dir' | 'symlink' | 'submodule';
  sha: string;
  size: number;
}

/** Ruby's `Base64.encode64`, which GitHub uses: a newline after every 60 characters and at the end. */
export function encodeBase64Lines(content: Buffer): string {
  const flat = content.toString('base64');
  return flat.length === 0 ? '' : `${flat.match(/.{1,60}/g)!.join('\n')}\n`;
}

/** The fields every content answer has: names, sha, size and links pinned to the asked ref. */
export function renderContentEntry(
  world: World,
  repo: RepoState,
  entry: ContentEntry,
  ref: string,
): Record<string, unknown> {
  const api = `${world.apiUrl}/repos/${repo.fullName}`;
  const html = `${world.baseUrl}/${repo.fullName}`;
  const self = `${api}/contents/${entry.path}?ref=${encodeURIComponent(ref)}`;
  const isDir = entry.type === 'dir';
  const git =
    isDir || entry.type === 'submodule'
      ? `${api}/git/trees/${entry.sha}`
      : `${api}/git/blobs/${entry.sha}`;
  const htmlUrl = `${html}/${isDir ? 'tree' : 'blob'}/${ref}/${entry.path}`;
  return {
    // Directory listings call submodules `file`, for backwards compatibility (GitHub docs).
    type: entry.type === 'submodule' ? 'file' : entry.type,
    size: entry.size,
    name: entry.path.split('/').pop() ?? entry.path,
    path: entry.path,
    sha: entry.sha,
    url: self,
    git_url: git,
    html_url: htmlUrl,
    download_url: isDir || entry.type === 'submodule' ? null : `${html}/raw/${ref}/${entry.path}`,
    _links: { self, git, html: htmlUrl },
  };
}

/** A file's answer: its bytes in base64, as GitHub sends them. */
export function renderFileContent(
  world: World,
  repo: RepoState,
  entry: ContentEntry,
  ref: string,
  content: Buffer,
): Record<string, unknown> {
  return {
    ...renderContentEntry(world, repo, entry, ref),
    type: 'file',
    content: encodeBase64Lines(content),
    encoding: 'base64',
  };
}

/** A symlink's answer names its target instead of carrying content. */
export function renderSymlinkContent(
  world: World,
  repo: RepoState,
  entry: ContentEntry,
  ref: string,
  target: string,
): Record<string, unknown> {
  return { ...renderContentEntry(world, repo, entry, ref), type: 'symlink', target };
}
