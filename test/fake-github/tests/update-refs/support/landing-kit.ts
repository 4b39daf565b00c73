import type { PullKit } from '../../pulls/pull-kit.js';
import { openPullRequest } from '../../../control/pull-ops.js';
import { repositoryNodeId } from '../../../graphql/repository-node-id.js';
import { installationToken, postGraphql, type RawAnswer } from '../../graphql/graphql-kit.js';
import type { RepoState } from '../../../world/types.js';

export const ZEROS = '0000000000000000000000000000000000000000';

export const updateRefsMutation = `
  mutation Land($input: UpdateRefsInput!) {
    updateRefs(input: $input) { clientMutationId }
  }
`;

export interface RefUpdate {
  name: string;
  afterOid: string;
  beforeOid?: string;
  force?: boolean;
}

/** A queued pull request as Sluice lands it: its head, the base it was tested on, and the tested commit. */
export interface Landing {
  repo: RepoState;
  number: number;
  head: string;
  base: string;
  /** The squash of the PR on `base`, as a staging branch holds it after CI. */
  staging: string;
}

/** `acme/widgets-N` with PR #1 by alice (branch `topic`) and its tested squash on main. */
export async function aLanding(
  kit: PullKit,
  files: Record<string, string> = { 'src/a.ts': 'export const a = 2;\n' },
) {
  const repo = await kit.repo();
  const pr = await openPullRequest(kit.services, {
    repo,
    author: 'alice',
    branch: 'topic',
    commits: [{ message: 'Change a', files }],
  });
  const base = (await repo.git.resolveRef('refs/heads/main'))!;
  await kit.branch(repo, 'sluice/staging');
  const staging = await kit.commit(repo, 'sluice/staging', files, 'sluice');
  await kit.settled(repo);
  kit.inbox.received.length = 0;
  return { repo, number: pr.number, head: pr.pull.headSha, base, staging } satisfies Landing;
}

/** The one-call landing: the head moves to the tested commit (forced), the base fast-forwards. */
export function landingUpdates(landing: Landing): RefUpdate[] {
  return [
    { name: 'refs/heads/topic', beforeOid: landing.head, afterOid: landing.staging, force: true },
    { name: 'refs/heads/main', beforeOid: landing.base, afterOid: landing.staging },
  ];
}

/** Posts `updateRefs` for `repo` as the kit's app (or with `authorization`), whole answer back. */
export async function postUpdateRefs(
  kit: PullKit,
  repo: RepoState,
  refUpdates: RefUpdate[],
  authorization?: string,
): Promise<RawAnswer> {
  const auth = authorization ?? `token ${await installationToken(kit.app())}`;
  const input = { repositoryId: repositoryNodeId(repo.id), refUpdates, clientMutationId: 'land-1' };
  return postGraphql(kit, { query: updateRefsMutation, variables: { input } }, auth);
}

/** Where each named ref of `repo` points now (undefined: it does not exist). */
export async function refsOf(repo: RepoState, ...names: string[]) {
  return Promise.all(names.map((name) => repo.git.resolveRef(`refs/heads/${name}`)));
}

/** GitHub's answer to a refused mutation: the payload null, the reason in `errors`. */
export function refusal(message: string, type = 'UNPROCESSABLE') {
  return {
    data: { updateRefs: null },
    errors: [{ type, message, path: ['updateRefs'], locations: [{ line: 3, column: 5 }] }],
  };
}
