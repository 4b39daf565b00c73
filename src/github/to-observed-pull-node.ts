import type { ObservedPull } from '../queue/types.js';
import type { RepoContext } from './repo-context.js';
import { canWriteHead } from './to-observed-pull.js';

/** The PR fields both GraphQL views read (staging-view-query.ts and landing-view-query.ts). */
export const pullFieldsFragment = /* GraphQL */ `
  fragment SluicePullFields on PullRequest {
    number
    title
    body
    state
    merged
    isDraft
    author {
      __typename
      login
    }
    headRefOid
    headRefName
    headRepository {
      nameWithOwner
    }
    maintainerCanModify
    baseRefName
    baseRefOid
    labels(first: 100) {
      nodes {
        name
      }
    }
  }
`;

/** Their answer's shape. */
export interface PullNodeFields {
  number: number;
  title: string;
  body: string;
  state: 'OPEN' | 'CLOSED' | 'MERGED';
  merged: boolean;
  isDraft: boolean;
  author: { __typename: string; login: string } | null;
  headRefOid: string;
  headRefName: string;
  headRepository: { nameWithOwner: string } | null;
  maintainerCanModify: boolean;
  baseRefName: string;
  baseRefOid: string;
  labels: { nodes: ({ name: string } | null)[] } | null;
}

/** A GraphQL pull request in the queue's words, as `toObservedPull` does for REST. */
export function toObservedPullNode(ctx: RepoContext, pr: PullNodeFields): ObservedPull {
  const headRepo = pr.headRepository?.nameWithOwner ?? null;
  return {
    number: pr.number,
    state: pr.state === 'OPEN' ? 'open' : 'closed',
    merged: pr.merged,
    draft: pr.isDraft,
    title: pr.title,
    body: pr.body,
    author: loginOf(pr.author),
    headSha: pr.headRefOid,
    headRef: pr.headRefName,
    headRepo,
    headWritable: canWriteHead(ctx, headRepo, pr.maintainerCanModify),
    baseRef: pr.baseRefName,
    labels: (pr.labels?.nodes ?? []).flatMap((label) => (label ? [label.name] : [])),
    approvals: 0,
    changesRequested: false,
  };
}

/**
 * REST's login: GraphQL names an app's bot without the `[bot]` suffix REST shows, and a
 * deleted account is `null` ("ghost" on GitHub's pages).
 */
function loginOf(author: PullNodeFields['author']): string {
  if (!author) return 'ghost';
  return author.__typename === 'Bot' ? `${author.login}[bot]` : author.login;
}
