/**
 * Structural checks on rendered markdown, for property tests: a fence left open swallows
 * everything after it, and a mention from log text would notify a stranger.
 */

/** True when every fenced code block that opens also closes (CommonMark's fence rules). */
export function fencesBalanced(markdown: string): boolean {
  let open: { char: string; length: number } | null = null;
  for (const line of markdown.split('\n')) {
    const fence = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line);
    if (fence === null) continue;
    const [, marks = '', rest = ''] = fence;
    const char = marks[0] ?? '`';
    if (open === null) {
      // A backtick fence's info string may not contain backticks; such a line is no fence.
      if (char === '`' && rest.includes('`')) continue;
      open = { char, length: marks.length };
    } else if (char === open.char && marks.length >= open.length && rest.trim() === '') {
      open = null;
    }
  }
  return open === null;
}

/**
 * `@name` that GitHub could turn into a notification. Stricter than GitHub (which ignores
 * `a@b` and code): any `@` directly before a name counts, except in link destinations.
 */
export function liveMentions(markdown: string): string[] {
  // Link destinations are addresses GitHub gave us, and GitHub never mentions inside them.
  const withoutDestinations = markdown.replace(/\]\([^)\s]*\)/g, ']()');
  return Array.from(
    withoutDestinations.matchAll(/@([A-Za-z0-9][A-Za-z0-9-]*)/g),
    (m) => m[1] ?? '',
  );
}
