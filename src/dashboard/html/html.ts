/**
 * HTML by tagged template: every interpolated value is escaped unless it is already `Html` —
 * the result of another `html` template, or of `raw()` for markup this code wrote itself.
 * Arrays are joined; null, undefined and booleans render as nothing (`${ok && html`…`}`).
 */
const brand = Symbol('html');

export interface Html {
  readonly [brand]: true;
  readonly text: string;
}

export type HtmlValue = Html | string | number | boolean | null | undefined | readonly HtmlValue[];

const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

/** Text as HTML that shows it literally, in content or in a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (c) => entities[c]!);
}

/** Trusted markup, used as is: only for constant markup written in this module's code. */
export function raw(markup: string): Html {
  return { [brand]: true, text: markup };
}

export function isHtml(value: unknown): value is Html {
  return typeof value === 'object' && value !== null && brand in value;
}

function render(value: HtmlValue): string {
  if (typeof value === 'string') return escapeHtml(value);
  if (typeof value === 'number') return escapeHtml(String(value));
  if (value === null || value === undefined || typeof value === 'boolean') return '';
  if (isHtml(value)) return value.text;
  if (Array.isArray(value)) return (value as readonly HtmlValue[]).map(render).join('');
  // Only reachable past the types (a Date, a plain object): say so rather than print it.
  throw new TypeError('html: cannot interpolate this value');
}

/**
 * The templates' own markup with each line's indentation dropped (the formatter indents it):
 * runs of white space render as one in HTML, and no page has a `<pre>` or `<textarea>`.
 * Interpolated values are never touched. Once per template, as the strings are constant.
 */
const trimmed = new WeakMap<TemplateStringsArray, readonly string[]>();

function trimmedStrings(strings: TemplateStringsArray): readonly string[] {
  let parts = trimmed.get(strings);
  if (!parts) {
    parts = strings.map((part) => part.replace(/\n[ \t]+/g, '\n'));
    trimmed.set(strings, parts);
  }
  return parts;
}

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  const parts = trimmedStrings(strings);
  let out = parts[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]) + parts[i + 1]!;
  return raw(out);
}
