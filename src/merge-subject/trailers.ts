/** Trailers the formatter writes itself and the parser trusts. */
export const SLUICE_TRAILERS = {
  pr: 'Sluice-PR',
  type: 'Sluice-Type',
  scope: 'Sluice-Scope',
  breaking: 'Sluice-Breaking',
} as const;

const RESERVED = new Set(
  [...Object.values(SLUICE_TRAILERS), 'Co-authored-by'].map((key) => key.toLowerCase()),
);

const TRAILER_LINE = /^(?<key>[A-Za-z0-9][A-Za-z0-9-]*): ?(?<value>.*)$/;

export function isReservedTrailer(key: string): boolean {
  return RESERVED.has(key.toLowerCase());
}

export function isValidTrailerKey(key: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9-]*$/.test(key);
}

/**
 * The trailers of a message body, keys lower-cased, first value wins. Like
 * `git interpret-trailers`, only the last paragraph counts, and only when every line of it
 * is a trailer: a PR body that mentions `Sluice-PR: 9` in its text cannot forge one.
 */
export function readTrailers(body: string | undefined): ReadonlyMap<string, string> {
  const paragraph = lastParagraph(body ?? '');
  // Most commits have no trailer at all: answer without splitting anything.
  if (!paragraph.includes(':')) return NO_TRAILERS;
  const trailers = new Map<string, string>();
  for (const line of paragraph.split('\n')) {
    const groups = TRAILER_LINE.exec(line.trim())?.groups;
    if (groups?.key === undefined || groups.value === undefined) return NO_TRAILERS;
    const key = groups.key.toLowerCase();
    if (!trailers.has(key)) trailers.set(key, groups.value.trim());
  }
  return trailers;
}

const NO_TRAILERS: ReadonlyMap<string, string> = new Map();

/** The text after the last blank (or whitespace-only) line, scanned from the end. */
function lastParagraph(body: string): string {
  const text = body.trimEnd();
  for (let end = text.length; ;) {
    const newline = end === 0 ? -1 : text.lastIndexOf('\n', end - 1);
    if (end !== text.length && text.slice(newline + 1, end).trim() === '') {
      return text.slice(end + 1);
    }
    if (newline === -1) return text;
    end = newline;
  }
}

/** Conventional commits' footer, allowed anywhere in the body as the spec's tools do. */
export function hasBreakingChangeFooter(body: string | undefined): boolean {
  return body !== undefined && body.includes('BREAKING') && /^BREAKING[ -]CHANGE: /m.test(body);
}
