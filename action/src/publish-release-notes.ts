import type { ReleaseLocation, ReleasePort } from '../../src/changelog/index.js';
import {
  describeReleaseCut,
  describeReleaseTooLong,
  fitReleaseBody,
  RELEASE_BODY_LIMIT,
} from '../../src/changelog/index.js';

export type ReleaseOutcome = 'created' | 'updated' | 'unchanged' | 'skipped';

export interface PublishedNotes {
  release: ReleaseOutcome;
  /** The release of the tag, when it was created, updated or found up to date. */
  releaseLocation: ReleaseLocation | undefined;
  /** What was left out to fit GitHub's limit, one sentence each. */
  cuts: string[];
}

export interface PublishRequest {
  tag: string | undefined;
  markdown: string;
  releases: ReleasePort | undefined;
  /** The commit to tag when the tag does not exist yet. */
  target: string;
  /** Where a cut release sends its readers for the rest. */
  changelogPath: string | undefined;
  compareUrl: string | undefined;
}

/** A release GitHub would refuse even without a single entry: its own text is too long. */
export class ReleaseTooLongError extends Error {
  override name = 'ReleaseTooLongError';
}

/**
 * Writes the notes into the tag's GitHub Release (found, or created at `target`), between
 * Sluice's markers, cut to GitHub's limit on a release body when they are longer.
 */
export async function publishReleaseNotes(request: PublishRequest): Promise<PublishedNotes> {
  const { tag, releases } = request;
  if (tag === undefined || releases === undefined) {
    return { release: 'skipped', releaseLocation: undefined, cuts: [] };
  }
  const found = await releases.findRelease(tag);
  const fitted = fitReleaseBody({
    existing: found?.body ?? '',
    notes: request.markdown,
    changelogPath: request.changelogPath,
    compareUrl: request.compareUrl,
  });
  if (!fitted.ok) {
    const limit = RELEASE_BODY_LIMIT;
    throw new ReleaseTooLongError(describeReleaseTooLong({ tag, length: fitted.length, limit }));
  }
  const { kept, omitted } = fitted;
  const cuts =
    omitted === 0 ? [] : [describeReleaseCut({ tag, kept, omitted, limit: RELEASE_BODY_LIMIT })];
  if (!found) {
    const created = await releases.createRelease(tag, fitted.body, request.target);
    return { release: 'created', releaseLocation: created, cuts };
  }
  if (fitted.body === found.body) {
    return { release: 'unchanged', releaseLocation: { id: found.id, url: found.url }, cuts };
  }
  const updated = await releases.updateRelease(found.id, fitted.body);
  return { release: 'updated', releaseLocation: updated, cuts };
}
