/**
 * Characters that change how text is displayed without being visible: bidi overrides
 * (the "Trojan Source" trick makes a title read differently than it is stored),
 * zero-width spaces and the byte-order mark.
 */
const INVISIBLE = /[\u061C\u200B\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;
/** Control characters other than tab and line feed; finding them is the point. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
/** Half of a surrogate pair without its other half: git and JSON tools reject it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Makes text from a pull request safe to put in a commit message: line endings become
 * `\n`, invisible and control characters go, broken Unicode becomes U+FFFD.
 */
export function stripUnsafeCharacters(text: string): string {
  return text
    .replace(/\r\n?|[\u0085\u2028\u2029]/g, '\n')
    .replace(LONE_SURROGATE, '\uFFFD')
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(CONTROL, '');
}
