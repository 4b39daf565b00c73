/**
 * Pages of a repository on GitHub (github.com or GitHub Enterprise Server), from its web
 * address (`https://github.com/acme/widgets`). CHANGELOG.md needs them written out: GitHub
 * turns `#12` into a link in issues, pull requests and release notes, but not in files.
 */
import { referenceEntry } from './entry-reference.js';
import type { ChangelogEntry } from './types.js';

/** The address as links are built from it (no credentials, query or `.git`), or `undefined`. */
export function parseRepositoryUrl(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  const path = url.pathname.replace(/\/+$/, '').replace(/\.git$/, '');
  if (path.split('/').filter(Boolean).length < 2) return undefined;
  return `${url.protocol}//${url.host}${path}`;
}

/** The page an entry's reference names: its pull request, issue or commit; not a tracker key. */
export function referenceUrl(repositoryUrl: string, entry: ChangelogEntry): string | undefined {
  if (entry.parsed.pr !== undefined) return `${repositoryUrl}/pull/${entry.parsed.pr}`;
  const { number } = referenceEntry(entry.sha, entry.parsed);
  // A bare id may be an issue or a pull request: GitHub redirects /issues/N to the pull request.
  if (number !== undefined) return `${repositoryUrl}/issues/${number}`;
  if (entry.parsed.id !== undefined) return undefined;
  return `${repositoryUrl}/commit/${entry.sha}`;
}

/** What changed from `from` to `to`; the tag's page for a first release. */
export function releaseUrl(repositoryUrl: string, from: string | undefined, to: string): string {
  if (from === undefined) return `${repositoryUrl}/releases/tag/${encodeRef(to)}`;
  return `${repositoryUrl}/compare/${encodeRef(from)}...${encodeRef(to)}`;
}

/** A ref in a path: `/` kept (tags such as `release/1.2`), parentheses escaped for Markdown. */
function encodeRef(ref: string): string {
  return ref
    .split('/')
    .map((part) => encodeURIComponent(part).replace(/\(/g, '%28').replace(/\)/g, '%29'))
    .join('/');
}
