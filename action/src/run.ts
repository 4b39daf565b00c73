import * as core from '@actions/core';
import {
  countEntries,
  describeNextVersion,
  describeTarget,
  describeWarning,
  summariseWarnings,
  toEntryRecord,
  type ChangelogWarning,
} from '../../src/changelog/index.js';
import {
  createOctokitExtendsReader,
  createOctokitReleasePort,
  createOctokitTitleLookup,
  type GitHubRepository,
} from '../../src/changelog-github/index.js';
import { fitEntriesOutput, fitJobSummary, fitMarkdownOutput } from './github-limits.js';
import type { ActionInputs } from './inputs.js';
import { readInputs } from './inputs.js';
import { loadChangelogConfig } from './load-changelog-config.js';
import type { ChangelogPorts } from './update-changelog.js';
import { updateChangelog } from './update-changelog.js';

/** The Action: inputs in, outputs, summary and annotations out; any failure fails the step. */
export async function run(): Promise<void> {
  try {
    const inputs = readInputs();
    const repository = githubRepository(inputs);
    const config = await loadChangelogConfig(
      inputs.workspace,
      inputs.configPath,
      repository && createOctokitExtendsReader(repository),
      inputs.configRequired,
    );
    const outcome = await updateChangelog(inputs, config, createPorts(repository));
    if (outcome.deepened) core.info('The checkout was shallow: fetched the rest of its history.');
    // GitHub's size limits: cut at entry boundaries, and say so, rather than lose a value.
    const markdown = fitMarkdownOutput(outcome.markdown);
    const entries = fitEntriesOutput(outcome.entries.map(toEntryRecord));
    core.setOutput('markdown', markdown.value);
    core.setOutput('entries', entries.value);
    core.setOutput('bump', outcome.bump);
    const { next, releaseLocation } = outcome;
    core.setOutput('next-version', next.kind === 'next' ? next.version : '');
    // Not a failure (the changelog is still right), but never an empty output in silence.
    if (next.kind === 'unknown') core.warning(describeNextVersion(next).replace(/\*\*/g, ''));
    else core.info(describeNextVersion(next).replace(/\*\*/g, ''));
    core.setOutput('release-url', releaseLocation?.url ?? '');
    core.setOutput('release-id', releaseLocation === undefined ? '' : String(releaseLocation.id));
    core.setOutput('version', describeTarget(outcome.target));
    core.setOutput('changelog-updated', String(outcome.changelogUpdated));
    core.setOutput('commit', outcome.commit ?? '');
    annotateWarnings(outcome.warnings);
    const outputCuts = [...outcome.cuts, ...entries.cuts, ...markdown.cuts];
    const summary = fitJobSummary(
      { ...outcome, notes: outcome.markdown, counts: countEntries(outcome.entries) },
      outputCuts,
    );
    for (const cut of [...outputCuts, ...summary.cuts]) core.warning(cut);
    await core.summary.addRaw(summary.value).write();
  } catch (error) {
    core.setFailed(describeFailure(error));
  }
}

/**
 * One annotation per warning would bury the run under thousands of identical ones (and
 * GitHub shows only ten of a step's warnings): a few of each kind are annotated, the rest
 * counted, and the whole list goes to the log.
 */
function annotateWarnings(warnings: readonly ChangelogWarning[]): void {
  const summary = summariseWarnings(warnings);
  for (const line of summary.lines) core.warning(line);
  if (summary.omitted === 0) return;
  core.startGroup(`All ${warnings.length.toLocaleString('en-US')} warnings`);
  for (const warning of warnings) core.info(describeWarning(warning));
  core.endGroup();
}

/** The repository the token speaks for; undefined offline (no token). */
function githubRepository(inputs: ActionInputs): GitHubRepository | undefined {
  if (inputs.token === undefined || inputs.repository === undefined) return undefined;
  return { ...inputs.repository, token: inputs.token, baseUrl: inputs.apiUrl };
}

function createPorts(repository: GitHubRepository | undefined): ChangelogPorts {
  if (!repository) return { titles: undefined, releases: undefined };
  return {
    titles: createOctokitTitleLookup(repository),
    releases: createOctokitReleasePort(repository),
  };
}

/** Whatever was thrown, with its causes: a thrown string or object must not vanish. */
function describeFailure(error: unknown): string {
  const parts: string[] = [];
  for (let current = error; current !== undefined && parts.length < 5;) {
    parts.push(describeThrown(current));
    current = current instanceof Error ? current.cause : undefined;
  }
  return parts.join('\n  caused by: ');
}

function describeThrown(thrown: unknown): string {
  if (thrown instanceof Error) return thrown.message;
  if (typeof thrown === 'string') return thrown;
  return JSON.stringify(thrown) ?? typeof thrown;
}
