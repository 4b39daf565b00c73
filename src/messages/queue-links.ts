import { codeLinkTo } from './markdown.js';

/** The seven characters GitHub shows for a commit. */
export function shortSha(sha: string): string {
  return sha.slice(0, 7);
}

/** A commit as short inline code, linked to its page when the repository's address is known. */
export function commitLink(sha: string, repoUrl: string | undefined): string {
  const url = repoUrl === undefined ? undefined : `${repoUrl.replace(/\/+$/, '')}/commit/${sha}`;
  return codeLinkTo(shortSha(sha), url);
}

/** A check by name, linked to its run when `urls` (check pages by name) has it. */
export function checkLink(
  name: string,
  urls: Readonly<Record<string, string>> | undefined,
): string {
  // Check names are outside text: `constructor` must not find the object's prototype.
  return codeLinkTo(name, urls !== undefined && Object.hasOwn(urls, name) ? urls[name] : undefined);
}
