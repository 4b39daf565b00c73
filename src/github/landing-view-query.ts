/**
 * The GraphQL document read right before a landing write, and the shape of its answer: every
 * PR of the landing, the base tip, what protects the base (classic protection and rulesets),
 * and the config on the default branch (and the owner's `.github` one, which stands in for a
 * missing file) — everything that gates the landing, fresh, in one request.
 */
import { pullFieldsFragment, type PullNodeFields } from './to-observed-pull-node.js';
import { commitChecksFragment, type CommitChecksNode } from './checks-on-commits.js';

/** PRs one landing view reads at most (a batch is at most 32). */
export const maxLandingPulls = 100;

/** The response key of the `index`-th PR, and the name of its number variable. */
export const pullAlias = (index: number): `pr${number}` => `pr${index}`;
export const pullVariable = (index: number): string => `n${index}`;

const queries = new Map<string, string>();

/**
 * The document for `count` PRs: one aliased `pullRequest` per PR (`pr0: pullRequest(number:
 * $n0)`), so all of them come in the same request as the policy they are judged under.
 */
export function landingViewQuery(count: number, withTip = false): string {
  if (!Number.isInteger(count) || count < 1 || count > maxLandingPulls)
    throw new RangeError(
      `a landing view reads 1 to ${maxLandingPulls} pull requests, not ${count}`,
    );
  const key = `${count}:${withTip}`;
  const cached = queries.get(key);
  if (cached) return cached;
  const indexes = Array.from({ length: count }, (_, i) => i);
  const numberVariables = indexes.map((i) => `$${pullVariable(i)}: Int!`).join('\n    ');
  const pulls = indexes
    .map(
      (i) => `${pullAlias(i)}: pullRequest(number: $${pullVariable(i)}) {
        ...SluicePullFields
        mergeCommit {
          oid
        }
      }`,
    )
    .join('\n      ');
  const query = /* GraphQL */ `
  query SluiceLandingView(
    $owner: String!
    $name: String!
    ${numberVariables}
    $base: String!
    $config: String!${withTip ? '\n    $tip: GitObjectID!' : ''}
  ) {
    repository(owner: $owner, name: $name) {
      id
      ${pulls}${withTip ? '\n      tip: object(oid: $tip) {\n        ...SluiceCommitChecks\n      }' : ''}
      baseRef: ref(qualifiedName: $base) {
        target {
          oid
        }
        branchProtectionRule {
          requiresStatusChecks
          requiredStatusCheckContexts
          requiresApprovingReviews
          requiredApprovingReviewCount
        }
        rules(first: 100) {
          nodes {
            type
            parameters {
              ... on RequiredStatusChecksParameters {
                requiredStatusChecks {
                  context
                }
              }
              ... on PullRequestParameters {
                requiredApprovingReviewCount
              }
            }
          }
        }
      }
      config: object(expression: $config) {
        ... on Blob {
          text
        }
      }
    }
    orgDefaults: repository(owner: $owner, name: ".github") {
      config: object(expression: $config) {
        ... on Blob {
          text
        }
      }
    }
  }
  ${pullFieldsFragment}${withTip ? commitChecksFragment : ''}
`;
  queries.set(key, query);
  return query;
}

export interface ProtectionRuleNode {
  requiresStatusChecks: boolean;
  requiredStatusCheckContexts: (string | null)[] | null;
  requiresApprovingReviews: boolean;
  requiredApprovingReviewCount: number | null;
}

export interface RuleNode {
  type: string;
  parameters: {
    requiredStatusChecks?: { context: string }[];
    requiredApprovingReviewCount?: number;
  } | null;
}

export type LandingPullNode = PullNodeFields & { mergeCommit: { oid: string } | null };

export interface LandingRepositoryNode {
  id: string;
  baseRef: {
    target: { oid: string } | null;
    branchProtectionRule: ProtectionRuleNode | null;
    rules: { nodes: (RuleNode | null)[] } | null;
  } | null;
  config: { text?: string | null } | null;
  /** The commit the base would move to, with its checks, when asked for. */
  tip?: CommitChecksNode | null;
  /** The PRs, keyed by `pullAlias`; null for one that does not exist. */
  [alias: `pr${number}`]: LandingPullNode | null | undefined;
}

export interface LandingViewAnswer {
  repository: LandingRepositoryNode | null;
  /** The owner's `.github` repository: null when it does not exist or the app cannot read it. */
  orgDefaults?: { config: { text?: string } | null } | null;
}
