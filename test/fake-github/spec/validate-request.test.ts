import { beforeAll, describe, expect, it } from '@jest/globals';
import {
  invalidRequestMessage,
  loadGitHubSpec,
  type GitHubSpec,
  type RequestToValidate,
} from './index.js';

let spec: GitHubSpec;
beforeAll(async () => {
  spec = await loadGitHubSpec();
});

function aRequest(
  overrides: Partial<RequestToValidate> & { operationId: string },
): RequestToValidate {
  return {
    pathParams: { owner: 'acme', repo: 'widgets' },
    query: new URLSearchParams(),
    body: undefined,
    ...overrides,
  };
}

describe('validating a request', () => {
  it('accepts a well-formed body and hands it back unchanged', () => {
    const body = { name: 'build', head_sha: 'c0ffee', status: 'completed', conclusion: 'success' };
    expect(spec.validateRequest(aRequest({ operationId: 'checks/create', body }))).toEqual({
      ok: true,
      pathParams: { owner: 'acme', repo: 'widgets' },
      query: {},
      body,
    });
  });

  it('words each problem with a body the way GitHub does', () => {
    const result = spec.validateRequest(
      aRequest({
        operationId: 'checks/create',
        body: { head_sha: 5, status: 'done', output: { title: 'Build' } },
      }),
    );
    expect(result.ok === false && invalidRequestMessage(result.problems)).toBe(
      [
        'Invalid request.',
        '',
        '"name" wasn\'t supplied.',
        "For 'properties/head_sha', 5 is not a string.",
        'For \'properties/status\', "done" is not one of ["queued","in_progress","completed"].',
        '"summary" wasn\'t supplied.',
      ].join('\n'),
    );
  });

  it('reads a missing required body as an empty object and names what is missing', () => {
    const result = spec.validateRequest(
      aRequest({
        operationId: 'git/update-ref',
        pathParams: { owner: 'a', repo: 'w', ref: 'heads/x' },
      }),
    );
    expect(result).toEqual({
      ok: false,
      problems: [{ in: 'body', message: '"sha" wasn\'t supplied.' }],
    });
  });

  it('lets an optional body be left out', () => {
    const result = spec.validateRequest(
      aRequest({
        operationId: 'pulls/merge',
        pathParams: { owner: 'a', repo: 'w', pull_number: '3' },
      }),
    );
    expect(result).toMatchObject({ ok: true, pathParams: { pull_number: 3 } });
  });

  it('coerces path and query strings by their schema and fills in defaults', () => {
    const match = spec.match(
      'GET',
      '/repos/acme/widgets/actions/runs/42/jobs?filter=all&per_page=50&page=2',
    );
    expect(match.kind).toBe('operation');
    if (match.kind !== 'operation') return;
    expect(spec.validateRequest({ ...match, body: undefined })).toEqual({
      ok: true,
      pathParams: { owner: 'acme', repo: 'widgets', run_id: 42 },
      query: { filter: 'all', per_page: 50, page: 2 },
      body: undefined,
    });
    const defaults = spec.validateRequest(
      aRequest({
        operationId: 'checks/list-for-ref',
        pathParams: { owner: 'a', repo: 'w', ref: 'main' },
      }),
    );
    expect(defaults).toMatchObject({
      ok: true,
      query: { filter: 'latest', per_page: 30, page: 1 },
    });
  });

  it('coerces booleans and comma-separated or repeated arrays in the query', () => {
    const query = new URLSearchParams('exclude=repositories&exclude[]=repositories');
    const result = spec.validateRequest({
      operationId: 'migrations/get-status-for-org',
      pathParams: { org: 'acme', migration_id: '1' },
      query,
      body: undefined,
    });
    expect(result).toMatchObject({
      ok: true,
      query: { exclude: ['repositories', 'repositories'] },
    });
    const booleans = spec.validateRequest(
      aRequest({
        operationId: 'actions/list-workflow-runs-for-repo',
        query: new URLSearchParams('exclude_pull_requests=true&created=>2024-01-01'),
      }),
    );
    expect(booleans).toMatchObject({ ok: true, query: { exclude_pull_requests: true } });
  });

  it('rejects parameters that do not fit their schema, saying where they were', () => {
    const result = spec.validateRequest(
      aRequest({
        operationId: 'checks/list-for-ref',
        pathParams: { owner: 'a', repo: 'w', ref: 'main' },
        query: new URLSearchParams('filter=newest&per_page=many'),
      }),
    );
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          in: 'query',
          message: 'For \'properties/filter\', "newest" is not one of ["latest","all"].',
        },
        { in: 'query', message: 'For \'properties/per_page\', "many" is not an integer.' },
      ],
    });
    const badPath = spec.validateRequest(
      aRequest({
        operationId: 'pulls/get',
        pathParams: { owner: 'a', repo: 'w', pull_number: 'x' },
      }),
    );
    expect(badPath).toEqual({
      ok: false,
      problems: [{ in: 'path', message: 'For \'properties/pull_number\', "x" is not an integer.' }],
    });
  });

  it('ignores query parameters the operation does not declare, as GitHub does', () => {
    const result = spec.validateRequest(
      aRequest({ operationId: 'repos/get', query: new URLSearchParams('cache_buster=1') }),
    );
    expect(result).toEqual({
      ok: true,
      pathParams: { owner: 'acme', repo: 'widgets' },
      query: {},
      body: undefined,
    });
  });

  it('refuses to validate an operation the spec does not have', () => {
    expect(() => spec.validateRequest(aRequest({ operationId: 'pulls/teleport' }))).toThrow(
      'GitHub\'s REST API has no operation "pulls/teleport" (@octokit/openapi)',
    );
  });
});
