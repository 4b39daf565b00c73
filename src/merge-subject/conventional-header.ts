/** A conventional-commit header: `type(scope)!: description`. */
export interface ConventionalHeader {
  type: string;
  scope: string | undefined;
  breaking: boolean;
  description: string;
}

/**
 * Accepts the spec's `type(scope)!:` and the common misspelling `type!(scope):`, any case
 * of type, and compound scopes (`api,cli`, `api, cli`, `api/cli`). Types are a single word
 * so prose such as `Note: ...` still parses, and is then classified as an unknown type.
 */
const HEADER =
  /^(?<type>[A-Za-z][A-Za-z0-9-]{0,29})(?:(?<bangBefore>!)?\((?<scope>[^()]*)\))?(?<bangAfter>!)?: +(?<description>\S.*)$/;

export function parseConventionalHeader(text: string): ConventionalHeader | undefined {
  const match = HEADER.exec(text);
  const groups = match?.groups;
  if (!groups?.type || groups.description === undefined) return undefined;
  const scope = groups.scope?.includes(',')
    ? groups.scope
        .split(',')
        .map((part) => part.trim())
        .filter((part) => part.length > 0)
        .join(',')
    : groups.scope?.trim();
  return {
    type: groups.type.toLowerCase(),
    scope: scope === undefined || scope === '' ? undefined : scope,
    breaking: groups.bangBefore !== undefined || groups.bangAfter !== undefined,
    description: groups.description.trim(),
  };
}

/** Writes the canonical form: lower-case type, `(scope)` before `!`, one space after the colon. */
export function formatConventionalHeader(header: ConventionalHeader): string {
  const scope = header.scope === undefined ? '' : `(${header.scope})`;
  return `${header.type}${scope}${header.breaking ? '!' : ''}: ${header.description}`;
}
