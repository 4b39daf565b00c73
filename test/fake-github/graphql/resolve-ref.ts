import type { RepoState } from '../world/types.js';
import { readObjects } from '../git/read-objects.js';
import { field, requirePermissionOf, type ResolverTable } from './field-resolver.js';
import type { RepositorySource } from './resolve-repository.js';
import type { BranchProtectionRuleSource, RefRulesArgs } from './resolve-rules.js';
import { refRules } from './resolve-rules.js';

export interface RefSource {
  repo: RepoState;
  /** Fully qualified: `refs/heads/main`. */
  ref: string;
  sha: string;
}

const prefixes = ['refs/heads/', 'refs/tags/'];

/**
 * `Repository.ref(qualifiedName:)`: "Fully qualified matches are checked in order
 * (`refs/heads/master`) before falling back onto checks for short name matches (`master`)"
 * (GitHub's schema). A name that matches nothing is `null`, without an error.
 */
async function findRef(repo: RepoState, name: string): Promise<RefSource | null> {
  const candidates = name.startsWith('refs/') ? [name] : prefixes.map((p) => `${p}${name}`);
  for (const ref of candidates) {
    const sha = await repo.git.resolveRef(ref);
    if (sha !== undefined) return { repo, ref, sha };
  }
  return null;
}

const prefixOf = (ref: string): string => /^refs\/[^/]+\//.exec(ref)?.[0] ?? 'refs/';
const branchOf = (ref: string): string | undefined =>
  ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : undefined;

/** `Ref.target` is a `GitObject`: a branch names a commit, an annotated tag a `Tag`. */
async function targetOf({ repo, sha }: RefSource): Promise<unknown> {
  const [object] = await readObjects(repo.git.git, [sha]);
  if (object?.type === 'commit') return { __typename: 'Commit', repo, sha };
  return { __typename: object?.type === 'tag' ? 'Tag' : 'Tree', repo, sha, oid: sha };
}

/**
 * Ref names and tips are what `repos/get` and `git/get-ref` show: the name needs metadata,
 * the object it points at needs contents, as `git/get-ref` does.
 */
export const refResolvers: ResolverTable = {
  'Repository.ref': field<RepositorySource, { qualifiedName: string }>(({ repo }, args) =>
    findRef(repo, args.qualifiedName),
  ),
  'Repository.defaultBranchRef': field<RepositorySource>(({ repo }) =>
    findRef(repo, `refs/heads/${repo.defaultBranch}`),
  ),
  // The same opaque id as REST's `git/get-ref` `node_id`.
  'Ref.id': field<RefSource>(
    ({ repo, ref }) => `REF_${Buffer.from(`${repo.id}:${ref}`).toString('base64url')}`,
  ),
  'Ref.name': field<RefSource>(({ ref }) => ref.slice(prefixOf(ref).length)),
  'Ref.prefix': field<RefSource>(({ ref }) => prefixOf(ref)),
  'Ref.repository': field<RefSource>(({ repo }) => ({ repo }) satisfies RepositorySource),
  'Ref.target': field<RefSource>((source, _, ctx) => {
    requirePermissionOf(ctx, 'git/get-ref');
    return targetOf(source);
  }),
  // Classic protection is an admin's view: an App without `administration` gets null and a
  // FORBIDDEN error here ("Resource not accessible by integration"), the rest still answered.
  'Ref.branchProtectionRule': field<RefSource>(({ repo, ref }, _, ctx) => {
    requirePermissionOf(ctx, 'repos/get-branch-protection');
    const branch = branchOf(ref);
    const protection = branch === undefined ? undefined : repo.protection.get(branch);
    if (branch === undefined || !protection) return null;
    return { repo, branch, protection } satisfies BranchProtectionRuleSource;
  }),
  // Rulesets are readable with metadata alone, as `repos/get-branch-rules` is.
  'Ref.rules': field<RefSource, RefRulesArgs>(({ repo, ref }, args, ctx) => {
    requirePermissionOf(ctx, 'repos/get-branch-rules');
    return refRules(repo, branchOf(ref), args);
  }),
};
