/**
 * Escaping for text Sluice did not write — PR titles, branch and check names, log lines —
 * before it goes into GitHub markdown. Everything from outside passes through one of these.
 */
import { codeSpan } from './config-value-text.js';

// A zero-width space after `@` stops GitHub from linking and notifying (Renovate's fix for
// release notes), stays invisible, and works the same in prose and in code blocks.
const zeroWidthSpace = '\u200b';
const mentionStart = /@(?=[A-Za-z0-9_])/g;
// C0 controls and DEL render as garbage or break lines; tabs are kept in code blocks.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const controlCharacters = /[\u0000-\u0008\u000b-\u001f\u007f]/g;
const lineBreaks = /\r\n|[\r\n\u2028\u2029]/g;
const inlinePunctuation = /[\\`*_[\]<>|~&]/g;
// GitHub logins: alphanumerics and single hyphens; apps end in `[bot]`.
const githubLogin = /^[A-Za-z0-9](?:-?[A-Za-z0-9])*(?:\[bot\])?$/;

/** Leaves `@name` readable but unable to notify anyone. */
export function neutraliseMentions(text: string): string {
  return text.replace(mentionStart, `@${zeroWidthSpace}`);
}

/** Cuts `text` to at most `max` characters, marking the cut with `…`. */
export function clipText(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`;
}

/** One line of plain text: line breaks become spaces, control characters go. */
export function toOneLine(text: string): string {
  return text.replace(lineBreaks, ' ').replace(controlCharacters, '').replace(/\t/g, ' ');
}

/** Outside text as literal inline markdown: no links, HTML, emphasis or mentions. */
export function escapeMarkdown(text: string, max = 200): string {
  const plain = clipText(toOneLine(text), max).replace(inlinePunctuation, (c) => `\\${c}`);
  // At the start of a line, `#`, `-`, `+`, `=` and `1.` would open a heading or a list.
  const inert = plain.replace(/^([#+=-])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
  return neutraliseMentions(inert);
}

/** Outside text as inline code, for names and commands a reader may copy. */
export function inlineCode(text: string, max = 200): string {
  return codeSpan(neutraliseMentions(clipText(toOneLine(text), max)));
}

/**
 * Lines of outside text as a fenced block. The fence is longer than any backtick run inside,
 * so no line can close it early; each line is clipped so a minified bundle stays short.
 */
export function fencedBlock(
  lines: readonly string[],
  options: { maxLineLength?: number } = {},
): string {
  const max = options.maxLineLength ?? 240;
  const body = lines.map((line) =>
    neutraliseMentions(clipText(line.replace(lineBreaks, ' ').replace(controlCharacters, ''), max)),
  );
  const longestRun = Math.max(
    0,
    ...body.flatMap((l) => Array.from(l.matchAll(/`+/g), (m) => m[0].length)),
  );
  const fence = '`'.repeat(Math.max(3, longestRun + 1));
  return [`${fence}text`, ...body, fence].join('\n');
}

/** `@login` when it is a real login (so its owner is told); otherwise the escaped text. */
export function mention(login: string): string {
  return githubLogin.test(login) ? `@${login}` : escapeMarkdown(login, 60);
}

/** `@login` as readers know it, without notifying its owner, for people who acted themselves. */
export function nameWithoutPing(login: string): string {
  return neutraliseMentions(`@${escapeMarkdown(login, 60)}`);
}

/** A markdown link whose text is outside text; without a URL, just the escaped text. */
export function linkTo(text: string, url: string | null | undefined): string {
  const label = escapeMarkdown(text);
  return url ? `[${label}](${escapeUrl(url)})` : label;
}

/** Inline code that links somewhere, for SHAs and file names. */
export function codeLinkTo(text: string, url: string | null | undefined): string {
  const code = inlineCode(text);
  return url ? `[${code}](${escapeUrl(url)})` : code;
}

// Only http(s) links are followed; spaces and parentheses would end the destination early.
function escapeUrl(url: string): string {
  if (!/^https?:\/\//i.test(url)) return '#';
  return url.replace(
    /[\s()<>]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}

/** Outside text in a check run or annotation title: one line, plain, bounded, no mentions. */
export function plainTitle(text: string, max = 255): string {
  return clipText(neutraliseMentions(toOneLine(text)), max);
}
