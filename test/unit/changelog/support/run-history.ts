import { readFileSync } from 'node:fs';
import type {
  ChangelogConfig,
  ChangelogResult,
  TitleLookup,
} from '../../../../src/changelog/index.js';
import {
  buildChangelog,
  changelogConfigFrom,
  DEFAULT_CHANGELOG_CONFIG,
} from '../../../../src/changelog/index.js';
import { parseConfig } from '../../../../src/config/index.js';
import type { ResolvedRange } from '../../../../src/git-history/index.js';
import { readCommits, resolveRange } from '../../../../src/git-history/index.js';
import { buildRepository } from './build-repository.js';
import { parseHistoryFixture } from './history-fixture.js';

export const fixtures = new URL('../../../fixtures/changelog/', import.meta.url);

/** The repository's config file beside the fixture, as the CLI would read it. */
export function fixtureConfig(name: string): ChangelogConfig {
  const path = new URL(`${name}.sluice.yml`, fixtures);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return DEFAULT_CHANGELOG_CONFIG;
  }
  const parsed = parseConfig(text, { path: `${name}.sluice.yml` });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return changelogConfigFrom(parsed.config);
}

export interface HistoryRun {
  dir: string;
  range: ResolvedRange;
  result: ChangelogResult;
  config: ChangelogConfig;
  commitCount: number;
}

/** Builds the fixture's repository and runs the changelog over it, through real git. */
export async function runHistory(name: string, titles?: TitleLookup): Promise<HistoryRun> {
  const fixture = parseHistoryFixture(readFileSync(new URL(`${name}.history`, fixtures), 'utf8'));
  const { dir } = buildRepository(fixture.steps);
  const range = await resolveRange({ repoDir: dir, ...fixture.range });
  const commits = await readCommits({ repoDir: dir, from: range.from, to: range.to });
  const config = fixtureConfig(name);
  const result = await buildChangelog({ commits, config, titles });
  return { dir, range, result, config, commitCount: commits.length };
}
