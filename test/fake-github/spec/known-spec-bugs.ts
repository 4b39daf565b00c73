/**
 * Places where GitHub's OpenAPI description disagrees with what GitHub really sends, each
 * with the upstream issue. An entry excuses one null value at one place in one operation
 * response or webhook, nothing wider, so the fake still has to get everything else right.
 *
 * Reviewed against this version of @octokit/openapi: a spec bump fails a test until every
 * entry has been re-checked (drop the ones the new spec fixed).
 */
export const KNOWN_SPEC_BUGS_REVIEWED_FOR = '23.0.2';

export type SpecBugSubject =
  { kind: 'response'; operationId: string; status: number } | { kind: 'webhook'; key: string };

/** One value the schema gets wrong: a JSON Pointer in one response or webhook, where `*`
 * stands for any one segment (an array index). */
export type SpecBugSite = SpecBugSubject & { instancePath: string };

export interface KnownSpecBug {
  issue: string;
  summary: string;
  sites: readonly SpecBugSite[];
  /** What GitHub sends there that the schema forbids. Only `null` so far. */
  excusedValue: null;
}

const okResponse = (operationId: string, instancePath: string): SpecBugSite => ({
  kind: 'response',
  operationId,
  status: 200,
  instancePath,
});

export const KNOWN_SPEC_BUGS: readonly KnownSpecBug[] = [
  {
    issue: 'https://github.com/github/rest-api-description/issues/5832',
    summary: 'check_run webhooks send `output: null`; the schema requires an object',
    sites: ['created', 'completed', 'rerequested', 'requested-action'].map((action) => ({
      kind: 'webhook',
      key: `check-run-${action}`,
      instancePath: '/check_run/output',
    })),
    excusedValue: null,
  },
  {
    issue: 'https://github.com/github/rest-api-description/issues/1945',
    summary:
      'diff entries of submodules have null `blob_url`/`raw_url` (refiled as #5563); `sha` is already nullable',
    sites: [
      okResponse('pulls/list-files', '/*/blob_url'),
      okResponse('pulls/list-files', '/*/raw_url'),
      okResponse('repos/compare-commits-with-basehead', '/files/*/blob_url'),
      okResponse('repos/compare-commits-with-basehead', '/files/*/raw_url'),
      okResponse('repos/get-commit', '/files/*/blob_url'),
      okResponse('repos/get-commit', '/files/*/raw_url'),
    ],
    excusedValue: null,
  },
  {
    issue: 'https://github.com/github/rest-api-description/issues/424',
    summary:
      'a pull request whose head fork was deleted has `head.repo: null`; fixed upstream once, not in this schema (pulls/list: #1811)',
    sites: [
      okResponse('pulls/get', '/head/repo'),
      okResponse('pulls/update', '/head/repo'),
      okResponse('pulls/list', '/*/head/repo'),
    ],
    excusedValue: null,
  },
  {
    issue: 'https://github.com/github/rest-api-description/issues/1812',
    summary:
      'a label created without a description has `description: null`; pulls/list declares a string',
    sites: [okResponse('pulls/list', '/*/labels/*/description')],
    excusedValue: null,
  },
];
