/** GitHub's own squash subject, so history looks familiar by default. */
export const DEFAULT_MERGE_TEMPLATE = '{title} (#{number})';

/** The placeholders a merge subject template may use, with what each stands for. */
export const MERGE_TEMPLATE_PLACEHOLDERS = {
  title: 'the normalised pull request title, conventional prefix included',
  number: 'the pull request number',
  type: 'the change type (from the type the app gives, else the title), or `change` when none',
  scope: 'the conventional-commit scope of the title (`api`), empty when it has none',
  description: 'the title without its conventional-commit prefix',
  author: 'the login of the pull request author',
  base: 'the base branch name',
} as const;

export type MergeTemplatePlaceholder = keyof typeof MERGE_TEMPLATE_PLACEHOLDERS;

/**
 * What `{type}` renders for a change without a type; the parser reads it back as none.
 * A word rather than nothing, so `bot: merge 12 {type} {title}` keeps its shape.
 */
export const UNTYPED = 'change';

export type TemplatePart =
  { kind: 'text'; text: string } | { kind: 'placeholder'; name: MergeTemplatePlaceholder };

/** Valid, but the changelog will know less: worth telling whoever wrote the template. */
export type TemplateWarning = 'subject-without-number' | 'subject-without-title';

export type TemplateValidation =
  { ok: true; parts: TemplatePart[]; warnings: TemplateWarning[] } | { ok: false; reason: string };

const KNOWN = Object.keys(MERGE_TEMPLATE_PLACEHOLDERS) as MergeTemplatePlaceholder[];

/**
 * Checks a template so every subject it renders reads back the same. The reason names the
 * fix. Placeholders need literal text between them, or the subject would be ambiguous.
 */
export function validateMergeTemplate(template: string): TemplateValidation {
  if (/[\r\n]/.test(template)) return { ok: false, reason: 'must be a single line' };
  const parts: TemplatePart[] = [];
  for (const token of template.split(/(\{[^{}]*\})/)) {
    if (token === '') continue;
    const name = /^\{([^{}]*)\}$/.exec(token)?.[1];
    if (name === undefined) {
      if (/[{}]/.test(token)) return { ok: false, reason: `has an unmatched brace in "${token}"` };
      parts.push({ kind: 'text', text: token });
      continue;
    }
    const known = KNOWN.find((candidate) => candidate === name);
    if (!known) {
      const list = KNOWN.map((k) => `{${k}}`).join(', ');
      return { ok: false, reason: `uses unknown placeholder {${name}}; known: ${list}` };
    }
    if (parts[parts.length - 1]?.kind === 'placeholder') {
      return { ok: false, reason: `needs text between placeholders before {${name}}` };
    }
    if (parts.some((p) => p.kind === 'placeholder' && p.name === known)) {
      return { ok: false, reason: `uses {${name}} twice` };
    }
    parts.push({ kind: 'placeholder', name: known });
  }
  const names = new Set(parts.flatMap((p) => (p.kind === 'placeholder' ? [p.name] : [])));
  if (names.has('title') && names.has('description')) {
    return { ok: false, reason: 'may contain {title} or {description}, not both' };
  }
  const warnings: TemplateWarning[] = [];
  if (!names.has('number')) warnings.push('subject-without-number');
  if (!names.has('title') && !names.has('description')) warnings.push('subject-without-title');
  return { ok: true, parts, warnings };
}

/** Fills a validated template. */
export function renderMergeTemplate(
  parts: readonly TemplatePart[],
  values: Readonly<Record<MergeTemplatePlaceholder, string>>,
): string {
  return parts.map((part) => (part.kind === 'text' ? part.text : values[part.name])).join('');
}
