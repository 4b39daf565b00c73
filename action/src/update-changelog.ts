import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { ChangelogConfig, ChangelogResult, ReleasePort } from '../../src/changelog/index.js';
import type {
  NextVersion,
  ReleaseLocation,
  ReleaseTarget,
  TitleLookup,
} from '../../src/changelog/index.js';
import {
  buildChangelog,
  changelogCommitMessage,
  nextVersion,
  releaseUrl,
  renderReleaseNotes,
} from '../../src/changelog/index.js';
import { upsertChangelog } from '../../src/changelog/upsert-changelog.js';
import { commitFile, readRange, runGit } from '../../src/git-history/index.js';
import { ensureFullHistory } from './ensure-full-history.js';
import type { ActionInputs } from './inputs.js';
import { publishReleaseNotes, type ReleaseOutcome } from './publish-release-notes.js';

export type { ReleaseOutcome } from './publish-release-notes.js';

export interface ChangelogPorts {
  titles: TitleLookup | undefined;
  releases: ReleasePort | undefined;
}

export interface ChangelogOutcome extends ChangelogResult {
  target: ReleaseTarget;
  markdown: string;
  changelogUpdated: boolean;
  release: ReleaseOutcome;
  /** The release of `release-tag`, when it was created, updated or found up to date. */
  releaseLocation: ReleaseLocation | undefined;
  /** Counted from the start of the range (the previous tag) and the bump. */
  next: NextVersion;
  commit: string | undefined;
  /** The checkout was shallow and the rest of its history was fetched. */
  deepened: boolean;
  /** What was left out of the GitHub Release to fit its limit, one sentence each. */
  cuts: string[];
}

/** A range that holds no commit: writing it would file an empty release. */
export class EmptyRangeError extends Error {
  override name = 'EmptyRangeError';
}

/**
 * The Action's work on plain values and ports: complete a shallow history, read the range,
 * build the entries, then (unless dry-run) upsert the file, update the release and commit.
 * Idempotent.
 */
export async function updateChangelog(
  inputs: ActionInputs,
  config: ChangelogConfig,
  ports: ChangelogPorts,
): Promise<ChangelogOutcome> {
  const repoDir = inputs.workspace;
  const { from, to, releaseTag: version } = inputs;
  // Before anything is written: a release asked for by name is never skipped in silence.
  if (version !== undefined && ports.releases === undefined) throw unreachableRelease(inputs);
  const deepened = await ensureFullHistory(repoDir);
  const { range, commits } = await readRange({ repoDir, from, to, version });
  const result = await buildChangelog({ commits, config, titles: ports.titles });
  if (from !== undefined && result.entries.length === 0) throw emptyRange(from, range.to);
  const markdown = renderReleaseNotes(result.entries, config);
  const next = nextVersion(range.from, result.bump);
  const outcome = { ...result, target: range.target, markdown, deepened, next };
  if (inputs.dryRun) {
    const skipped = { release: 'skipped' as const, releaseLocation: undefined, cuts: [] };
    return { ...outcome, changelogUpdated: false, ...skipped, commit: undefined };
  }
  const path = inputs.changelogPath;
  const { repositoryUrl } = inputs;
  const changelogUpdated =
    path !== undefined &&
    (await upsertFile(resolve(repoDir, path), {
      ...result,
      target: range.target,
      config,
      repositoryUrl,
      from: range.from,
    }));
  // The commit the notes describe: a release created for a tag that does not exist yet is
  // tagged there, not at whatever the default branch has moved on to.
  const target = (await runGit(repoDir, ['rev-parse', '--verify', `${range.to}^{commit}`])).trim();
  const published = await publishReleaseNotes({
    tag: inputs.releaseTag,
    markdown,
    releases: ports.releases,
    target,
    changelogPath: path,
    compareUrl:
      repositoryUrl === undefined || inputs.releaseTag === undefined
        ? undefined
        : releaseUrl(repositoryUrl, range.from, inputs.releaseTag),
  });
  const commit =
    inputs.commit && changelogUpdated && path !== undefined
      ? await commitFile({ repoDir, path, message: changelogCommitMessage(path, range.target) })
      : undefined;
  return { ...outcome, changelogUpdated, ...published, commit };
}

async function upsertFile(
  path: string,
  upsert: Omit<Parameters<typeof upsertChangelog>[0], 'existing'>,
): Promise<boolean> {
  const existing = await readFile(path, 'utf8').catch(() => undefined);
  const { text } = upsertChangelog({ ...upsert, existing });
  if (text === existing) return false;
  await writeFile(path, text);
  return true;
}

/**
 * `from` names where `to` already is, or a later commit: a branch or commit hash given
 * where a tag was meant (`from: main` on main). Nothing to list, and a release of nothing
 * would still promote Unreleased; so the step fails before it writes.
 */
function emptyRange(from: string, to: string): EmptyRangeError {
  return new EmptyRangeError(
    `The range ${from}..${to} holds no commits: ${to} is ${from} or one of its ancestors, so there is nothing to list and nothing was written. Set \`from\` to an older ref, usually the previous release's tag, or leave it out to start at the newest tag before \`to\`.`,
  );
}

/** Why the release of `release-tag` cannot be reached, and what to do about it. */
function unreachableRelease(inputs: ActionInputs): Error {
  const missing =
    inputs.token === undefined
      ? '`token` is empty'
      : 'GITHUB_REPOSITORY is not set (the Action runs outside GitHub Actions)';
  return new Error(
    `release-tag ${inputs.releaseTag ?? ''} is set, but ${missing}, so its GitHub Release cannot be updated. Give the Action a token with \`contents: write\` (the default, \`\${{ github.token }}\`, has it under \`permissions: contents: write\`), or remove release-tag.`,
  );
}
