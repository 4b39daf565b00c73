import type { ParsedSubject } from '../merge-subject/index.js';
import type { ChangelogConfig, ChangelogWarning, EntryStatus } from './types.js';

export interface Classification {
  status: EntryStatus;
  warning: ChangelogWarning | undefined;
}

/**
 * Where one commit goes. Explicit housekeeping patterns win; a breaking change is shown
 * even when its type is hidden (an upgrading user must see it); anything not understood
 * lands in Other with a warning.
 */
export function classifyEntry(
  sha: string,
  parsed: ParsedSubject,
  config: ChangelogConfig,
): Classification {
  const pattern = findIgnorePattern(config, parsed.subject);
  if (pattern !== undefined) return { status: { kind: 'ignored', pattern }, warning: undefined };
  if (parsed.breaking) return listed(config.breakingSection);
  const { type, subject } = parsed;
  if (type === undefined) {
    return { ...listed(config.otherSection), warning: { kind: 'unclassified', sha, subject } };
  }
  if (config.hidden.includes(type)) return { status: { kind: 'hidden', type }, warning: undefined };
  const section = Object.hasOwn(config.types, type) ? config.types[type] : undefined;
  if (section === undefined) {
    return {
      ...listed(config.otherSection),
      warning: { kind: 'unknown-type', sha, subject, type },
    };
  }
  return listed(section);
}

interface IgnorePatterns {
  /** All patterns as one alternation: one test answers "none" for most subjects. */
  any: RegExp | undefined;
  each: [string, RegExp][];
}

/** Compiled once per config: a release has thousands of commits to test. */
const compiled = new WeakMap<ChangelogConfig, IgnorePatterns>();

function findIgnorePattern(config: ChangelogConfig, subject: string): string | undefined {
  let patterns = compiled.get(config);
  if (!patterns) {
    const each = config.ignore.map((source): [string, RegExp] => [source, new RegExp(source, 'i')]);
    patterns = { any: combine(config.ignore), each };
    compiled.set(config, patterns);
  }
  if (patterns.any !== undefined && !patterns.any.test(subject)) return undefined;
  return patterns.each.find(([, regExp]) => regExp.test(subject))?.[0];
}

/**
 * Backreferences would renumber in an alternation, and a group name may repeat: such
 * patterns are only tested one by one.
 */
function combine(sources: readonly string[]): RegExp | undefined {
  if (sources.length === 0 || sources.some((source) => /\\\d|\\k</.test(source))) return undefined;
  try {
    return new RegExp(sources.map((source) => `(?:${source})`).join('|'), 'i');
  } catch {
    return undefined;
  }
}

function listed(section: string): Classification {
  return { status: { kind: 'listed', section }, warning: undefined };
}
