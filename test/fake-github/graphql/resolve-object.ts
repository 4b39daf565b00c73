import type { RepoState } from '../world/types.js';
import { readObjects, type RawObject } from '../git/read-objects.js';
import { field, requirePermissionOf, type ResolverTable } from './field-resolver.js';
import type { RepositorySource } from './resolve-repository.js';

interface BlobSource {
  __typename: 'Blob';
  repo: RepoState;
  sha: string;
  content: Buffer;
}

/** The `GitObject` a raw object is, as `typeResolver` picks the runtime type by `__typename`. */
function gitObject(repo: RepoState, object: RawObject): unknown {
  switch (object.type) {
    case 'blob':
      return { __typename: 'Blob', repo, sha: object.sha, content: object.content };
    case 'tree':
      return { __typename: 'Tree', repo, sha: object.sha, oid: object.sha };
    case 'commit':
      return { __typename: 'Commit', repo, sha: object.sha };
    default:
      return { __typename: 'Tag', repo, sha: object.sha, oid: object.sha };
  }
}

/**
 * `Repository.object(expression:)` takes what `git rev-parse` takes: `main:.github/sluice.yml`
 * is that file on main's tip, a Blob; a directory is a Tree; a path or revision that names
 * nothing is `null`, without an error. Reading content needs contents, as `repos/get-content`.
 */
async function findObject(
  repo: RepoState,
  args: { expression?: string | null; oid?: string | null },
): Promise<unknown> {
  const name = args.oid ?? args.expression;
  // A leading dash would be an option to git; a newline would break the batch protocol.
  if (!name || name.startsWith('-') || name.includes('\n')) return null;
  const [object] = await readObjects(repo.git.git, [name]);
  return object ? gitObject(repo, object) : null;
}

const isBinary = (content: Buffer): boolean => content.includes(0);

export const objectResolvers: ResolverTable = {
  'Repository.object': field<RepositorySource, { expression?: string; oid?: string }>(
    ({ repo }, args, ctx) => {
      requirePermissionOf(ctx, 'repos/get-content');
      return findObject(repo, args);
    },
  ),
  'Blob.id': field<BlobSource>(({ sha }) => `B_${sha.slice(0, 24)}`),
  'Blob.oid': field<BlobSource>(({ sha }) => sha),
  'Blob.abbreviatedOid': field<BlobSource>(({ sha }) => sha.slice(0, 7)),
  'Blob.byteSize': field<BlobSource>(({ content }) => content.length),
  'Blob.isBinary': field<BlobSource>(({ content }) => isBinary(content)),
  // GitHub gives no text for binary blobs; the stand-in's files are small enough to answer whole.
  'Blob.isTruncated': field<BlobSource>(() => false),
  'Blob.text': field<BlobSource>(({ content }) =>
    isBinary(content) ? null : content.toString('utf8'),
  ),
};
