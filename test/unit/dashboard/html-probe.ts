/**
 * Just enough HTML reading for assertions about behaviour: the pages are our own output, so
 * a tag and attribute scan is enough to ask "which links, which forms, which buttons".
 */
import { expect } from '@jest/globals';

const entities: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
  '&#96;': '`',
};

export function decode(text: string): string {
  return text.replace(/&(?:amp|lt|gt|quot|#39|#96);/g, (e) => entities[e]!);
}

/** Every value of `attribute` on any tag, decoded. */
export function attributeValues(page: string, attribute: string): string[] {
  const pattern = new RegExp(`\\s${attribute}="([^"]*)"`, 'g');
  return [...page.matchAll(pattern)].map((m) => decode(m[1]!));
}

/** The outer HTML of each `<tag …>…</tag>`. */
export function elements(page: string, tag: string): string[] {
  return [...page.matchAll(new RegExp(`<${tag}[\\s>][\\s\\S]*?</${tag}\\s*>`, 'g'))].map(
    (m) => m[0],
  );
}

/** The text a reader gets: tags gone, entities decoded, spaces collapsed. */
export function textOf(fragment: string): string {
  return decode(fragment.replace(/<[^>]*>/g, ''))
    .replace(/\s+/g, ' ')
    .trim();
}

/** Buttons by accessible name (their text, visually hidden parts included). */
export function buttonNames(page: string): string[] {
  return elements(page, 'button').map(textOf);
}

export function linksByText(page: string): { text: string; href: string }[] {
  return elements(page, 'a').map((a) => ({
    text: textOf(a),
    href: decode(/href="([^"]*)"/.exec(a)?.[1] ?? ''),
  }));
}

export interface Tag {
  name: string;
  attributes: Record<string, string>;
}

/** Every opening tag, with its attributes (values decoded; a bare attribute is ''). */
export function openTags(page: string): Tag[] {
  const tags: Tag[] = [];
  for (const match of page.matchAll(
    /<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s=>/]+(?:="[^"]*")?)*)\s*\/?>/g,
  )) {
    const attributes: Record<string, string> = {};
    for (const attr of match[2]!.matchAll(/([^\s=>/]+)(?:="([^"]*)")?/g))
      attributes[attr[1]!] = decode(attr[2] ?? '');
    tags.push({ name: match[1]!.toLowerCase(), attributes });
  }
  return tags;
}

/** No script, no inline style, no inline event handler: what the pages' CSP forbids. */
export function expectNothingTheCspForbids(page: string): void {
  const tags = openTags(page);
  expect(tags.filter((t) => t.name === 'script' || t.name === 'style')).toEqual([]);
  const attributes = tags.flatMap((t) => Object.keys(t.attributes));
  expect(attributes.filter((a) => a === 'style' || /^on/i.test(a))).toEqual([]);
  expect(page).not.toMatch(/<script/i);
}
