import { readGitHub } from '../github/call-github.js';
import { createRepoGitHub } from '../github/create-repo-github.js';
import type { RepoGitHub } from '../github/port.js';
import type { RepoContext } from '../github/repo-context.js';

/** The orchestrator's port, plus the one read only doctor needs: branches by prefix. */
export interface DoctorGitHub extends RepoGitHub {
  /** Branches whose names start with `prefix`, with their tips. */
  listBranches(prefix: string): Promise<{ branch: string; sha: string }[]>;
  /** Whether the host knows the `updateRefs` mutation that atomic landing needs. */
  updateRefsAvailable(): Promise<boolean>;
}

const headsPrefix = 'refs/heads/';

export function createDoctorGitHub(ctx: RepoContext): DoctorGitHub {
  return {
    ...createRepoGitHub(ctx),
    listBranches: (prefix) => listBranches(ctx, prefix),
    updateRefsAvailable: () => updateRefsAvailable(ctx),
  };
}

/** `git/matching-refs` matches by plain string prefix; no match is an empty list, not a 404. */
async function listBranches(
  ctx: RepoContext,
  prefix: string,
): Promise<{ branch: string; sha: string }[]> {
  const refs = await readGitHub(ctx, 'git/list-matching-refs', () =>
    ctx.octokit.paginate(ctx.octokit.rest.git.listMatchingRefs, {
      owner: ctx.owner,
      repo: ctx.repo,
      ref: `heads/${prefix}`,
    }),
  );
  return refs
    .filter((ref) => ref.ref.startsWith(headsPrefix))
    .map((ref) => ({ branch: ref.ref.slice(headsPrefix.length), sha: ref.object.sha }));
}

/** Asks the schema, not the mutation: doctor never writes to find out. */
async function updateRefsAvailable(ctx: RepoContext): Promise<boolean> {
  const answer = await readGitHub(ctx, 'graphql introspection', () =>
    ctx.octokit.graphql<{ __type: { name: string } | null }>(
      'query SluiceHostFeatures { __type(name: "UpdateRefsInput") { name } }',
    ),
  );
  return answer.__type !== null;
}
