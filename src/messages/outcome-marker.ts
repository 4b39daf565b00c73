/**
 * The hidden line at the end of every outcome comment. A comment whose answer was lost (a
 * 502 after GitHub wrote it, a crash) is found again by its marker, never posted twice.
 * The key is the outbox row's dedupe key; `--` and `>` would end the HTML comment early.
 */
export function outcomeMarker(key: string): string {
  return `<!-- sluice:outcome ${key.replace(/-{2,}/g, '-').replace(/>/g, '')} -->`;
}

/** The comment as posted: its text, then its marker (GitHub does not render it). */
export function withOutcomeMarker(body: string, key: string): string {
  return `${body.trimEnd()}\n\n${outcomeMarker(key)}\n`;
}
