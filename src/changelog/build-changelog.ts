import { parseMergeSubject } from '../merge-subject/index.js';
import type { ParsedSubject } from '../merge-subject/index.js';
import { cancelReverts } from './cancel-reverts.js';
import { classifyEntry } from './classify-entry.js';
import { nameEntry, referenceEntry } from './entry-reference.js';
import { applyTitle, fetchTitles } from './fill-titles.js';
import { suggestBump } from './suggest-bump.js';
import type {
  ChangelogConfig,
  ChangelogEntry,
  ChangelogResult,
  ChangelogWarning,
} from './types.js';
import type { CommitRecord, TitleLookup } from './types.js';

export interface BuildChangelogInput {
  /**
   * Newest first, as `git log` prints them: all at once, or in batches as they are read
   * (each batch is parsed as it arrives, overlapping the reading).
   */
  commits: readonly CommitRecord[] | AsyncIterable<readonly CommitRecord[]>;
  config: ChangelogConfig;
  /** Names bare ids; without it they stay `(#id)` with a warning. */
  titles?: TitleLookup | undefined;
}

/** Commits in, classified entries out: every commit yields exactly one entry. */
export async function buildChangelog(input: BuildChangelogInput): Promise<ChangelogResult> {
  const { config } = input;
  const options = { template: config.template };
  const newestFirst = [];
  const batches = Symbol.asyncIterator in input.commits ? input.commits : [input.commits];
  for await (const batch of batches) {
    for (const c of batch) {
      newestFirst.push({ sha: c.sha, parsed: parseMergeSubject(c.subject, c.body, options) });
    }
  }
  // Reverts are resolved and entries listed in landing order: oldest first.
  let commits = newestFirst.reverse();
  const warnings: ChangelogWarning[] = [];
  const failedLookups = new Set<string>();
  if (input.titles) {
    const bare = commits.flatMap((c) => bareNumber(c.sha, c.parsed) ?? []);
    const fetched = await fetchTitles(bare, input.titles);
    warnings.push(...fetched.warnings);
    for (const w of fetched.warnings)
      if (w.kind === 'title-lookup-failed') failedLookups.add(w.ref);
    commits = commits.map((c) => {
      const number = bareNumber(c.sha, c.parsed);
      const title = number === undefined ? undefined : fetched.titles.get(number);
      return title === undefined ? c : { ...c, parsed: applyTitle(c.parsed, title) };
    });
  }
  const cancelled = cancelReverts(commits);
  const seenAnchors = new Set<string>();
  const entries = commits.map(({ sha, parsed }): ChangelogEntry => {
    const reference = referenceEntry(sha, parsed);
    // A PR number seen twice in one range (a re-land) keeps both entries apart.
    const anchor = seenAnchors.has(reference.anchor)
      ? `${reference.anchor}-${sha.slice(0, 7)}`
      : reference.anchor;
    seenAnchors.add(anchor);
    const partner = cancelled.get(sha);
    const classification = classifyEntry(sha, parsed, config);
    const status =
      partner === undefined ? classification.status : { kind: 'cancelled' as const, by: partner };
    // One warning per commit: a bare id lacks its title first of all (a failed lookup has
    // said so already).
    if (status.kind === 'listed' && parsed.description === '') {
      if (!failedLookups.has(reference.ref)) {
        warnings.push({
          kind: 'untitled',
          sha,
          ref: reference.ref,
          lookedUp: input.titles !== undefined,
        });
      }
    } else if (partner === undefined && classification.warning) {
      warnings.push(classification.warning);
    }
    return { sha, parsed, status, name: nameEntry(parsed.description), ref: reference.ref, anchor };
  });
  return { entries, warnings, bump: suggestBump(entries, config) };
}

function bareNumber(sha: string, parsed: ParsedSubject): number | undefined {
  return parsed.description === '' ? referenceEntry(sha, parsed).number : undefined;
}
