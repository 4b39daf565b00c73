/**
 * The GraphQL document read right before a landing write, and the shape of its answer: the PR,
 * the base tip, what protects the base (classic protection and rulesets), and the config on
 * the default branch — everything that gates the landing, fresh, in one request.
 */
import { pullFieldsFragment, type PullNodeFields } from './to-observed-pull-node.js';

export const landingViewQuery = /* GraphQL */ `
  query SluiceLandingView(
    $owner: String!
    $name: String!
    $number: Int!
    $base: String!
    $config: String!
  ) {
    repository(owner: $owner, name: $name) {
      id
      pullRequest(number: $number) {
        ...SluicePullFields
        mergeCommit {
          oid
        }
      }
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
  }
  ${pullFieldsFragment}
`;

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

export interface LandingViewAnswer {
  repository: {
    id: string;
    pullRequest: (PullNodeFields & { mergeCommit: { oid: string } | null }) | null;
    baseRef: {
      target: { oid: string } | null;
      branchProtectionRule: ProtectionRuleNode | null;
      rules: { nodes: (RuleNode | null)[] } | null;
    } | null;
    config: { text?: string | null } | null;
  } | null;
}
