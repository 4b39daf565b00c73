import { parseConventionalHeader } from './conventional-header.js';
import { UNTYPED } from './merge-template.js';
import type { SubjectReading } from './subject-reading.js';
import { CONVENTIONAL_TYPES, decodeSlug, plainReading } from './subject-reading.js';

const TRACKER_ID = String.raw`#?\d+|[A-Z][A-Z0-9]+-\d+`;
const BOT_MERGE = new RegExp(
  String.raw`^(?<prefix>[A-Za-z][\w.-]*): merge (?<id>${TRACKER_ID})(?: +(?<type>[A-Za-z][\w-]*)(?: +(?<name>.+))?)?$`,
);
const LEGACY_SLUG = new RegExp(
  String.raw`^(?<id>\d+|[A-Z][A-Z0-9]+-\d+)_(?<type>[A-Za-z]+)_(?<words>\S+)$`,
);

/**
 * Merge bots' `<prefix>: merge <id> <type> <name>` and bare `<prefix>: merge <id>`. A
 * conventional type as prefix (`fix: merge 2 configs`) is prose, not a bot.
 */
export function readBotMerge(line: string): SubjectReading | undefined {
  if (!line.includes(': merge ')) return undefined;
  const groups = BOT_MERGE.exec(line)?.groups;
  if (!groups?.prefix || !groups.id || CONVENTIONAL_TYPES.has(groups.prefix.toLowerCase())) {
    return undefined;
  }
  const id = groups.id.replace(/^#/, '');
  if (groups.type === undefined) return { ...plainReading('bot-merge-bare', ''), id };
  const type = groups.type.toLowerCase();
  const name = decodeSlug(groups.name ?? '');
  // Sluice's own `{title}` keeps the conventional prefix, so the name can carry the scope.
  const header = parseConventionalHeader(name);
  return {
    ...plainReading('bot-merge', header?.description ?? name),
    type: type === UNTYPED ? undefined : type,
    scope: header?.scope,
    breaking: header?.breaking ?? false,
    id,
  };
}

/** Legacy `<id>_<type>_<words_with_underscores>` slugs. */
export function readLegacySlug(line: string): SubjectReading | undefined {
  if (line.includes(' ')) return undefined;
  const groups = LEGACY_SLUG.exec(line)?.groups;
  if (!groups?.id || !groups.type || !groups.words) return undefined;
  return {
    ...plainReading('legacy-slug', decodeSlug(groups.words)),
    type: groups.type.toLowerCase(),
    id: groups.id,
  };
}
