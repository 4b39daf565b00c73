/** Where `_extends` points: Probot's `[owner/]repo[:path]` grammar. */
export interface ExtendsTarget {
  owner: string;
  repo: string;
  path: string;
}

// GitHub owner and repository names: letters, digits, `-`, `_` and `.`.
const extendsPattern = /^(?:([\w.-]+)\/)?([\w.-]+)(?::([^\s:]+))?$/;

/**
 * Resolves an `_extends` value against the repository that holds it; undefined when it is
 * malformed. As in Probot, the owner defaults to the same owner and the path to the same
 * path (`.github/sluice.yml`), so `_extends: .github` reads the org-wide defaults.
 */
export function parseExtends(
  value: string,
  from: { owner: string; path: string },
): ExtendsTarget | undefined {
  const match = extendsPattern.exec(value.trim());
  if (match === null) return undefined;
  const [, owner = from.owner, repo = '', path = from.path] = match;
  if (repo === '.' || repo === '..') return undefined;
  return { owner, repo, path };
}
