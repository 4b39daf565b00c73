import { normalizeTitle, parseMergeSubject } from '../merge-subject/index.js';
import type { ParsedSubject } from '../merge-subject/index.js';
import type { ChangelogWarning, TitleLookup } from './types.js';

export interface FilledTitles {
  /** Number -> its issue or pull request title. */
  titles: Map<number, string>;
  warnings: ChangelogWarning[];
}

/** A handful at a time: the API's secondary rate limit punishes bursts. */
const CONCURRENCY = 4;

/** Fetches the titles of bare ids (`bot: merge 123`) once per number. */
export async function fetchTitles(
  numbers: readonly number[],
  lookup: TitleLookup,
): Promise<FilledTitles> {
  const unique = [...new Set(numbers)];
  const titles = new Map<number, string>();
  const warnings: ChangelogWarning[] = [];
  for (let start = 0; start < unique.length; start += CONCURRENCY) {
    const batch = unique.slice(start, start + CONCURRENCY);
    // Results are applied in input order so warnings come out the same on every run.
    const results = await Promise.all(batch.map((number) => lookupOne(lookup, number)));
    batch.forEach((number, index) => {
      const result = results[index];
      if (result?.ok) titles.set(number, result.title);
      else
        warnings.push({
          kind: 'title-lookup-failed',
          ref: `#${number}`,
          reason: result?.reason ?? 'no answer',
        });
    });
  }
  return { titles, warnings };
}

type LookupResult = { ok: true; title: string } | { ok: false; reason: string };

async function lookupOne(lookup: TitleLookup, number: number): Promise<LookupResult> {
  try {
    const title = await lookup.titleOf(number);
    return title === undefined ? { ok: false, reason: 'not found' } : { ok: true, title };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

/** The bare entry named by its issue or PR title; its type comes from the title if it had none. */
export function applyTitle(parsed: ParsedSubject, title: string): ParsedSubject {
  const fromTitle = parseMergeSubject(normalizeTitle(title));
  return {
    ...parsed,
    description: fromTitle.description,
    type: parsed.type ?? fromTitle.type,
    scope: parsed.scope ?? fromTitle.scope,
    breaking: parsed.breaking || fromTitle.breaking,
  };
}
