import { stringify } from 'yaml';

/** How a value the user wrote reads in a sentence: "you wrote `squash`". */
export function describeConfigValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (typeof value === 'string')
    return value.trim() === '' ? 'blank text' : codeSpan(shorten(value));
  if (typeof value === 'number' || typeof value === 'boolean') return codeSpan(String(value));
  if (Array.isArray(value))
    return value.length === 1 ? 'a list of 1 item' : `a list of ${value.length} items`;
  if (typeof value === 'object') return 'a mapping (`key: value` lines)';
  return codeSpan(typeof value);
}

/** `key: value` as one line of YAML, for examples in fix sentences. */
export function yamlLine(key: string, value: unknown): string {
  const rendered = stringify(value, {
    collectionStyle: 'flow',
    flowCollectionPadding: false,
    lineWidth: 0,
    singleQuote: true,
  }).trim();
  return codeSpan(`${key}: ${rendered}`);
}

/** Markdown inline code that survives backticks inside `text`. */
export function codeSpan(text: string): string {
  const longestRun = Math.max(0, ...Array.from(text.matchAll(/`+/g), (m) => m[0].length));
  const fence = '`'.repeat(longestRun + 1);
  const padding = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${padding}${text}${padding}${fence}`;
}

function shorten(text: string): string {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const limit = 60;
  if (firstLine.length > limit) return `${firstLine.slice(0, limit)}…`;
  return firstLine.length < text.length ? `${firstLine}…` : firstLine;
}
