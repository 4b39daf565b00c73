/**
 * The words of refused mutations. Each one is an error with a `type` at the mutation field's
 * path (the alias's, when aliased); the rest of the document still runs.
 */

/** graphql-ruby's answer for a global id that names nothing the caller can see. */
export const unknownNode = (id: string): string =>
  `Could not resolve to a node with the global id of '${id}'`;

/**
 * `updateRefs` refusals. GitHub documents the rules (atomic, `beforeOid`, `force`) but not the
 * words; these follow git's own for the ref transaction GitHub runs. Verify against GitHub
 * (docs/local-github.md, "Behaviours to verify").
 */
export const updateRefsWording = {
  invalidName: (name: string) => `${name} is not a valid ref name.`,
  duplicate: (name: string) => `Multiple updates for ref '${name}' not allowed`,
  missingObject: (oid: string) => `Could not resolve to a commit with the oid of '${oid}'`,
  missingRef: (name: string) => `cannot lock ref '${name}': unable to resolve reference '${name}'`,
  refExists: (name: string) => `cannot lock ref '${name}': reference already exists`,
  stale: (name: string, expected: string, actual: string) =>
    `cannot lock ref '${name}': is at ${actual} but expected ${expected}`,
  notFastForward: (name: string) => `${name}: Update is not a fast forward`,
  unknownRepository: (id: string) => unknownNode(id),
};

/** graphql-ruby's refusal of a mutation to someone who can see the repository but not write to it. */
export const mutationForbidden = (login: string, mutation: string): string =>
  `${login} does not have the correct permissions to execute \`${mutation}\``;

/**
 * `createCheckRun` / `updateCheckRun` refusals, worded as REST words the same refusal
 * (handlers/checks.ts, domain/checks.ts) where GitHub's GraphQL wording is not documented.
 * Verify against GitHub (docs/local-github.md, "Behaviours to verify").
 */
export const checkRunWording = {
  /** FORBIDDEN: a person's token (REST answers 403 with the same words). */
  notAnApp: 'You must authenticate via a GitHub App.',
  /** UNPROCESSABLE: `headSha` names no commit of the repository (REST: 422). */
  unknownCommit: (sha: string) => `No commit found for SHA: ${sha}`,
  /** NOT_FOUND: `checkRunId` names no check run of the repository. */
  unknownCheckRun: (id: string) => unknownNode(id),
  /** FORBIDDEN: another app's run (REST: 403 with the same words). */
  notOwner: (appId: number) =>
    `Invalid app_id \`${appId}\` - check run can only be modified by the GitHub App that created it.`,
  /** UNPROCESSABLE: `status: COMPLETED` (or `completedAt`) without a conclusion (REST: 422 missing_field). */
  missingConclusion: "Conclusion can't be blank",
  /** UNPROCESSABLE: a conclusion only GitHub sets (`STALE`: the domain's words, for REST too). */
  reservedConclusion: (conclusion: string) =>
    `Only GitHub can set a check run conclusion to ${conclusion}.`,
};

/** `removeLabelsFromLabelable` refusals: an id that names no issue, pull request or label. */
export const labelWording = {
  unknownLabelable: (id: string) => unknownNode(id),
  unknownLabel: (id: string) => unknownNode(id),
};
