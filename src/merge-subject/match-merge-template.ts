import type { MergeTemplatePlaceholder, TemplatePart } from './merge-template.js';

export type TemplateMatch = Partial<Record<MergeTemplatePlaceholder, string>>;

/**
 * What each placeholder can contain. Only the title and description hold arbitrary text;
 * with the subject anchored at both ends, every rendered subject reads back the same.
 */
const PATTERNS: Record<MergeTemplatePlaceholder, string> = {
  number: '\\d+',
  title: '.+?',
  description: '.+?',
  type: '[A-Za-z][A-Za-z0-9-]*',
  author: '\\S+?',
  scope: '[^()]*?',
  base: '\\S*?',
};

/** Builds the reader for a validated template. */
export function compileMergeTemplate(parts: readonly TemplatePart[]): RegExp {
  const source = parts
    .map((part) =>
      part.kind === 'text'
        ? part.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
        : `(?<${part.name}>${PATTERNS[part.name]})`,
    )
    .join('');
  return new RegExp(`^${source}$`);
}

export function matchMergeTemplate(pattern: RegExp, subject: string): TemplateMatch | undefined {
  const groups = pattern.exec(subject)?.groups;
  return groups ? { ...groups } : undefined;
}
