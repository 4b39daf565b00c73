import { beforeAll, describe, expect, it } from '@jest/globals';
import { IMPLEMENTED_OPERATIONS } from './implemented-operations.js';
import { loadGitHubSpec, type GitHubSpec } from './index.js';

let spec: GitHubSpec;
beforeAll(async () => {
  spec = await loadGitHubSpec();
});

/** Parameter values with the characters Octokit percent-encodes: `/`, `:`, space. */
const SAMPLE_VALUES: Record<string, string> = {
  owner: 'acme',
  repo: 'widgets',
  ref: 'heads/feature/x',
  branch: 'release/1.x',
  path: '.github/sluice.yml',
  basehead: 'main...feature/x',
  name: 'merge: queued',
  username: 'octo-cat',
  commit_sha: 'c0ffee',
  tree_sha: 'deadbeef',
  sha: 'abc123',
};
const MULTI_SEGMENT = ['ref', 'branch', 'path', 'basehead'];

function sampleFor(name: string): string {
  return SAMPLE_VALUES[name] ?? '7';
}

/** The URL Octokit builds: every parameter value percent-encoded, `/` included. */
function urlFor(pathTemplate: string, encode: (name: string, value: string) => string): string {
  return pathTemplate.replace(/\{([^}]+)\}/g, (_, name: string) => encode(name, sampleFor(name)));
}

function expectedParams(pathTemplate: string): Record<string, string> {
  const names = [...pathTemplate.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
  return Object.fromEntries(names.map((name) => [name, sampleFor(name)]));
}

describe('matching a request to an operation', () => {
  it('routes every operation the stand-in implements, parameters encoded as Octokit sends them', () => {
    const misrouted = IMPLEMENTED_OPERATIONS.flatMap((operationId) => {
      const { method, pathTemplate } = spec.operation(operationId);
      const url = `/api/v3${urlFor(pathTemplate, (_, value) => encodeURIComponent(value))}`;
      const match = spec.match(method.toUpperCase(), url);
      const expected = { kind: 'operation', operationId, pathParams: expectedParams(pathTemplate) };
      return match.kind === 'operation' &&
        match.operationId === expected.operationId &&
        JSON.stringify(match.pathParams) === JSON.stringify(expected.pathParams)
        ? []
        : [{ url, expected, match }];
    });
    expect(misrouted).toEqual([]);
  });

  it('accepts raw slashes in refs, branches, paths and baseheads, as GitHub does', () => {
    const withRawSlashes = IMPLEMENTED_OPERATIONS.map((id) => spec.operation(id)).filter((op) =>
      MULTI_SEGMENT.some((name) => op.pathTemplate.includes(`{${name}}`)),
    );
    expect(withRawSlashes.length).toBeGreaterThan(10);
    for (const { operationId, method, pathTemplate } of withRawSlashes) {
      const url = urlFor(pathTemplate, (name, value) =>
        MULTI_SEGMENT.includes(name) ? value : encodeURIComponent(value),
      );
      expect(spec.match(method, url)).toMatchObject({
        kind: 'operation',
        operationId,
        pathParams: expectedParams(pathTemplate),
      });
    }
  });

  it('decodes each parameter after matching, so an encoded slash never splits a segment', () => {
    expect(spec.match('GET', '/repos/acme/widgets/git/ref/heads%2Ffeature%2Fx')).toMatchObject({
      operationId: 'git/get-ref',
      pathTemplate: '/repos/{owner}/{repo}/git/ref/{ref}',
      pathParams: { owner: 'acme', repo: 'widgets', ref: 'heads/feature/x' },
    });
    expect(
      spec.match('DELETE', '/repos/acme/widgets/issues/3/labels/merge%3A%20queued'),
    ).toMatchObject({ operationId: 'issues/remove-label', pathParams: { name: 'merge: queued' } });
  });

  it('prefers the template with more literal segments', () => {
    expect(spec.match('GET', '/repos/acme/widgets/pulls/comments/5')).toMatchObject({
      operationId: 'pulls/get-review-comment',
      pathParams: { comment_id: '5' },
    });
    expect(spec.match('GET', '/repos/acme/widgets/pulls/5')).toMatchObject({
      operationId: 'pulls/get',
      pathParams: { pull_number: '5' },
    });
    expect(spec.match('GET', '/repos/acme/widgets/commits/feature/x/check-runs')).toMatchObject({
      operationId: 'checks/list-for-ref',
      pathParams: { ref: 'feature/x' },
    });
  });

  it('tells an unknown path from a known path asked with the wrong method', () => {
    expect(spec.match('GET', '/repos/acme/widgets/no-such-thing')).toEqual({
      kind: 'unknown-path',
      path: '/repos/acme/widgets/no-such-thing',
    });
    expect(spec.match('DELETE', '/repos/acme/widgets/pulls/5')).toEqual({
      kind: 'method-not-allowed',
      pathTemplate: '/repos/{owner}/{repo}/pulls/{pull_number}',
      allowedMethods: ['get', 'patch'],
    });
  });

  it('treats a trailing slash as an unknown path, as GitHub answers 404 for it', () => {
    expect(spec.match('GET', '/repos/acme/widgets/pulls/')).toMatchObject({ kind: 'unknown-path' });
  });

  it('reports broken percent-encoding as a malformed path instead of throwing', () => {
    expect(spec.match('GET', '/repos/acme/widgets/git/ref/heads%E0%A4%A')).toEqual({
      kind: 'malformed-path',
      pathTemplate: '/repos/{owner}/{repo}/git/ref/{ref}',
      reason: 'The ref parameter "heads%E0%A4%A" is not valid percent-encoding.',
    });
    expect(spec.match('GET', '/repos/acme/widgets/contents/100%')).toMatchObject({
      kind: 'malformed-path',
    });
  });

  it('strips the /api/v3 prefix of a GitHub Enterprise base URL, and only that prefix', () => {
    expect(spec.match('GET', '/api/v3/repos/acme/widgets')).toMatchObject({
      operationId: 'repos/get',
    });
    expect(spec.match('GET', '/repos/acme/widgets')).toMatchObject({ operationId: 'repos/get' });
    expect(spec.match('GET', '/api/v4/repos/acme/widgets')).toMatchObject({
      kind: 'unknown-path',
    });
  });

  it('routes both compare forms, which produce the same URL, to the basehead operation', () => {
    const cases = {
      'main...feature': 'main...feature',
      // What Octokit sends for both compareCommits and compareCommitsWithBasehead.
      'main...feature%2Fx': 'main...feature/x',
      'main...feature/x': 'main...feature/x',
      'octo%3Amain...fork%3Afeature%2Fx': 'octo:main...fork:feature/x',
    };
    for (const [segment, basehead] of Object.entries(cases)) {
      expect(spec.match('GET', `/repos/acme/widgets/compare/${segment}`)).toMatchObject({
        operationId: 'repos/compare-commits-with-basehead',
        pathParams: { basehead },
      });
    }
    expect(spec.operation('repos/compare-commits').pathTemplate).toBe(
      '/repos/{owner}/{repo}/compare/{base}...{head}',
    );
  });

  it('keeps the query apart from the path, and routes HEAD like GET', () => {
    const match = spec.match(
      'HEAD',
      '/repos/acme/widgets/commits/main/check-runs?filter=all&per_page=5',
    );
    expect(match).toMatchObject({
      operationId: 'checks/list-for-ref',
      pathParams: { ref: 'main' },
    });
    expect(match.kind === 'operation' && Object.fromEntries(match.query)).toEqual({
      filter: 'all',
      per_page: '5',
    });
  });
});
