import { beforeAll, describe, expect, it } from '@jest/globals';
import { loadGitHubSpec, type GitHubSpec } from './index.js';
import { readDocumentedExample } from './read-documented-example.js';

let spec: GitHubSpec;
beforeAll(async () => {
  spec = await loadGitHubSpec();
});

type Json = Record<string, unknown>;

/** GitHub's documented pull request; its requested team predates `team.type`, so none. */
function aPullRequest(overrides: Json = {}): Json {
  const example = readDocumentedExample('pulls/get', 200) as Json;
  return { ...example, requested_teams: [], ...overrides };
}

const errorsOf = (result: ReturnType<GitHubSpec['validateResponse']>) =>
  result.ok ? [] : result.errors;

describe('validating a response of the stand-in', () => {
  it('accepts a realistic pull request, including the null mergeable of a first read', () => {
    for (const body of [
      aPullRequest(),
      aPullRequest({ mergeable: null, mergeable_state: 'unknown' }),
    ]) {
      expect(spec.validateResponse({ operationId: 'pulls/get', status: 200, body })).toEqual({
        ok: true,
        excused: [],
      });
    }
  });

  it('rejects a pull request missing a required field and says which', () => {
    const { head: _head, ...headless } = aPullRequest();
    expect(
      spec.validateResponse({ operationId: 'pulls/get', status: 200, body: headless }),
    ).toEqual({
      ok: false,
      errors: ["/: must have required property 'head'"],
      excused: [],
    });
  });

  it('reports every problem of a body at once, with the offending values', () => {
    const body = aPullRequest({ number: '1347', state: 'merged', body: 5, merged_at: 'yesterday' });
    expect(
      errorsOf(spec.validateResponse({ operationId: 'pulls/get', status: 200, body })),
    ).toEqual([
      '/number: must be integer (got "1347")',
      '/state: must be equal to one of the allowed values: ["open","closed"] (got "merged")',
      '/body: must be string or null (got 5)',
      '/merged_at: must match format "date-time" (got "yesterday")',
    ]);
  });

  it('excuses a null head.repo as rest-api-description#424, and no other null', () => {
    const pull = aPullRequest();
    const head = { ...(pull.head as Json), repo: null };
    const result = spec.validateResponse({
      operationId: 'pulls/get',
      status: 200,
      body: { ...pull, head },
    });
    expect(result.ok).toBe(true);
    expect(result.excused.map((bug) => bug.issue)).toEqual([
      'https://github.com/github/rest-api-description/issues/424',
    ]);
    const base = { ...(pull.base as Json), repo: null };
    const unexcused = spec.validateResponse({
      operationId: 'pulls/get',
      status: 200,
      body: { ...pull, base },
    });
    expect(errorsOf(unexcused)).toEqual(['/base/repo: must be object (got null)']);
  });

  it('accepts an undocumented common error status whose body looks like a GitHub error', () => {
    const notFound = { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' };
    expect(spec.operation('checks/create').documentedStatuses).toEqual([201]);
    expect(
      spec.validateResponse({ operationId: 'checks/create', status: 404, body: notFound }).ok,
    ).toBe(true);
    const invalid = {
      message: 'Validation Failed',
      errors: [{ resource: 'CheckRun', code: 'missing_field', field: 'name' }],
      documentation_url: 'https://docs.github.com/rest/checks/runs#create-a-check-run',
    };
    expect(
      spec.validateResponse({ operationId: 'checks/create', status: 422, body: invalid }).ok,
    ).toBe(true);
  });

  it('rejects an error body without a message, and a status no one documents', () => {
    expect(
      errorsOf(spec.validateResponse({ operationId: 'checks/create', status: 403, body: {} })),
    ).toEqual(["/: must have required property 'message'"]);
    expect(
      errorsOf(
        spec.validateResponse({ operationId: 'checks/create', status: 500, body: undefined }),
      ),
    ).toEqual(['status 500 of checks/create needs a JSON body, got none']);
    expect(
      errorsOf(
        spec.validateResponse({
          operationId: 'checks/create',
          status: 418,
          body: { message: 'teapot' },
        }),
      ),
    ).toEqual(['status 418 is not documented for checks/create (201)']);
  });

  it('accepts empty bodies where GitHub sends none, and rejects a body there', () => {
    const empty = [
      { operationId: 'pulls/check-if-merged', status: 204 },
      { operationId: 'actions/download-job-logs-for-workflow-run', status: 302 },
      { operationId: 'pulls/get', status: 304 },
    ];
    for (const response of empty) {
      expect(spec.validateResponse({ ...response, body: undefined }).ok).toBe(true);
    }
    expect(
      errorsOf(
        spec.validateResponse({
          operationId: 'pulls/check-if-merged',
          status: 204,
          body: { merged: true },
        }),
      ),
    ).toEqual(['status 204 must not have a body']);
    expect(
      errorsOf(spec.validateResponse({ operationId: 'pulls/get', status: 200, body: undefined })),
    ).toEqual(['status 200 of pulls/get needs a JSON body, got none']);
  });

  it('accepts a documented non-JSON media type without judging its text', () => {
    const sha = { operationId: 'repos/get-commit', status: 200, body: 'c0ffee' };
    expect(
      spec.validateResponse({ ...sha, contentType: 'application/vnd.github.sha; charset=utf-8' })
        .ok,
    ).toBe(true);
    expect(errorsOf(spec.validateResponse({ ...sha, contentType: 'text/plain' }))).toEqual([
      'text/plain is not documented for repos/get-commit 200',
    ]);
  });

  it('excuses null URLs of submodule diff entries as rest-api-description#1945 only', () => {
    const file = {
      sha: null,
      filename: 'vendor/lib',
      status: 'modified',
      additions: 1,
      deletions: 1,
      changes: 2,
      blob_url: null,
      raw_url: null,
      contents_url: 'https://api.github.com/repos/acme/widgets/contents/vendor/lib?ref=c0ffee',
    };
    const listed = spec.validateResponse({
      operationId: 'pulls/list-files',
      status: 200,
      body: [file],
    });
    expect(listed).toMatchObject({
      ok: true,
      excused: [{ issue: 'https://github.com/github/rest-api-description/issues/1945' }],
    });
    const wrongPlace = {
      ...file,
      blob_url: 'https://github.com/acme/widgets/blob/c0ffee/vendor/lib',
      contents_url: null,
    };
    expect(
      errorsOf(
        spec.validateResponse({ operationId: 'pulls/list-files', status: 200, body: [wrongPlace] }),
      ),
    ).toEqual(['/0/contents_url: must be string (got null)']);
  });
});
