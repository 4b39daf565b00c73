import type { HandlerContext, HandlerTable } from './types.js';
import { requireRepo } from './types.js';
import type { RepoState } from '../world/types.js';
import { answerNow } from './answer-now.js';
import { actorOf } from '../auth/authenticate.js';
import { GitHubError, notFound } from '../http/github-error.js';
import { renderRelease } from '../render/release.js';
import {
  createRelease,
  findPublishedRelease,
  listReleases,
  updateRelease,
} from '../domain/releases.js';
import { roleOf } from '../domain/collaborators.js';
import { pagedAnswer } from './paged-answer.js';
import { created } from './created.js';

interface ReleaseFields {
  tag_name?: string;
  target_commitish?: string;
  name?: string;
  body?: string;
  draft?: boolean;
  prerelease?: boolean;
  discussion_category_name?: string;
  generate_release_notes?: boolean;
}

/**
 * The stand-in has no discussions, so any category is one that does not exist (GitHub's 404),
 * and it writes no notes of its own: asking for them is refused loudly, never ignored.
 */
function refuseUnmodelled(ctx: HandlerContext, fields: ReleaseFields): void {
  if (fields.discussion_category_name !== undefined) throw notFound();
  if (fields.generate_release_notes === true) {
    ctx.world.recordViolation({
      kind: 'unimplemented',
      subject: ctx.operationId,
      detail: 'generate_release_notes',
      at: ctx.world.clock.now(),
    });
    throw new GitHubError(501, 'fake-github does not generate release notes');
  }
}

function canPush(ctx: HandlerContext, repo: RepoState): boolean {
  const { caller } = ctx;
  switch (caller.kind) {
    case 'installation':
      return caller.permissions.contents === 'write';
    case 'user': {
      const role = roleOf(repo, caller.account.login);
      return role === 'admin' || role === 'maintain' || role === 'write';
    }
    case 'app':
      return false;
  }
}

/** The `repos/*` release operations the changelog Action uses. Assets are not modelled. */
export const releaseHandlers: HandlerTable = {
  /** Published releases only: a draft's tag does not exist yet, so it is a 404 here. */
  'repos/get-release-by-tag': answerNow((ctx) => {
    const repo = requireRepo(ctx);
    const release = findPublishedRelease(repo, ctx.params.tag ?? '');
    if (!release) throw notFound();
    return { status: 200, body: renderRelease(ctx.world, repo, release) };
  }),

  /** "Only users with push access will receive listings for draft releases." */
  'repos/list-releases': answerNow((ctx) => {
    const repo = requireRepo(ctx);
    const releases = listReleases(repo, { withDrafts: canPush(ctx, repo) });
    return pagedAnswer(ctx, releases, (release) => renderRelease(ctx.world, repo, release));
  }),

  'repos/create-release': async (ctx) => {
    const repo = requireRepo(ctx);
    // The spec requires tag_name, and the pipeline has checked the request against it.
    const fields = ctx.body as ReleaseFields;
    refuseUnmodelled(ctx, fields);
    const release = await createRelease(ctx, {
      repo,
      author: actorOf(ctx.caller),
      tagName: String(fields.tag_name),
      targetCommitish: fields.target_commitish,
      name: fields.name,
      body: fields.body,
      draft: fields.draft,
      prerelease: fields.prerelease,
      race: () => ctx.race(),
    });
    const body = renderRelease(ctx.world, repo, release);
    return created(body);
  },

  'repos/update-release': async (ctx) => {
    const repo = requireRepo(ctx);
    const fields = ctx.body as ReleaseFields;
    refuseUnmodelled(ctx, fields);
    const release = await updateRelease(ctx, {
      repo,
      id: Number(ctx.params.release_id),
      actor: actorOf(ctx.caller),
      changes: {
        tagName: fields.tag_name,
        targetCommitish: fields.target_commitish,
        name: fields.name,
        body: fields.body,
        draft: fields.draft,
        prerelease: fields.prerelease,
      },
      race: () => ctx.race(),
    });
    return { status: 200, body: renderRelease(ctx.world, repo, release) };
  },
};
