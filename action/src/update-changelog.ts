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
  mergeReleaseNotes,
  nextVersion,
  renderReleaseNotes,
  upsertChangelog,
} from '../../src/changelog/index.js';
import { commitFile, readRange, runGit } from '../../src/git-history/index.js';
import { ensureFullHistory } from './ensure-full-history.js';
import type { ActionInputs } from './inputs.js';

export interface ChangelogPorts {
  titles: TitleLookup | undefined;
  releases: ReleasePort | undefined;
}

export type ReleaseOutcome = 'created' | 'updated' | 'unchanged' | 'skipped';

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
  const markdown = renderReleaseNotes(result.entries, config);
  const next = nextVersion(range.from, result.bump);
  const outcome = { ...result, target: range.target, markdown, deepened, next };
  if (inputs.dryRun) {
    const skipped = { release: 'skipped' as const, releaseLocation: undefined };
    return { ...outcome, changelogUpdated: false, ...skipped, commit: undefined };
  }
  const path = inputs.changelogPath;
  const changelogUpdated =
    path !== undefined && (await upsertFile(resolve(repoDir, path), result, range.target, config));
  // The commit the notes describe: a release created for a tag that does not exist yet is
  // tagged there, not at whatever the default branch has moved on to.
  const target = (await runGit(repoDir, ['rev-parse', '--verify', `${range.to}^{commit}`])).trim();
  const published = await publishNotes(inputs.releaseTag, markdown, ports.releases, target);
  const commit =
    inputs.commit && changelogUpdated && path !== undefined
      ? await commitFile({ repoDir, path, message: changelogCommitMessage(path, range.target) })
      : undefined;
  return { ...outcome, changelogUpdated, ...published, commit };
}

async function upsertFile(
  path: string,
  result: ChangelogResult,
  target: ReleaseTarget,
  config: ChangelogConfig,
): Promise<boolean> {
  const existing = await readFile(path, 'utf8').catch(() => undefined);
  const { text } = upsertChangelog({ existing, entries: result.entries, target, config });
  if (text === existing) return false;
  await writeFile(path, text);
  return true;
}

async function publishNotes(
  tag: string | undefined,
  markdown: string,
  releases: ReleasePort | undefined,
  target: string,
): Promise<{ release: ReleaseOutcome; releaseLocation: ReleaseLocation | undefined }> {
  if (tag === undefined || releases === undefined) {
    return { release: 'skipped', releaseLocation: undefined };
  }
  const found = await releases.findRelease(tag);
  if (!found) {
    const created = await releases.createRelease(tag, mergeReleaseNotes('', markdown), target);
    return { release: 'created', releaseLocation: created };
  }
  const body = mergeReleaseNotes(found.body, markdown);
  if (body === found.body) {
    return { release: 'unchanged', releaseLocation: { id: found.id, url: found.url } };
  }
  const updated = await releases.updateRelease(found.id, body);
  return { release: 'updated', releaseLocation: updated };
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
