import { describe, expect, it } from '@jest/globals';
import { IMPLEMENTED_OPERATIONS } from './implemented-operations.js';
import { loadGitHubSpec, UnknownOperationError } from './index.js';

describe('loading the spec', () => {
  it('loads once per process and compiles nothing up front', async () => {
    const first = loadGitHubSpec();
    expect(loadGitHubSpec()).toBe(first);
    const spec = await first;
    expect(spec.version).toBe('23.0.2');
    expect(spec.loadStats.totalMs).toBeGreaterThan(0);
    expect(spec.compileStats().compiled).toBe(0);
  });

  it('describes an operation by its operationId', async () => {
    const spec = await loadGitHubSpec();
    expect(spec.operation('pulls/merge')).toEqual({
      operationId: 'pulls/merge',
      method: 'put',
      pathTemplate: '/repos/{owner}/{repo}/pulls/{pull_number}/merge',
      documentedStatuses: [200, 403, 404, 405, 409, 422],
      documentationUrl: 'https://docs.github.com/rest/pulls/pulls#merge-a-pull-request',
    });
    expect(spec.hasOperation('pulls/merge')).toBe(true);
    expect(spec.hasOperation('pulls/teleport')).toBe(false);
    expect(() => spec.operation('pulls/teleport')).toThrow(UnknownOperationError);
  });

  it('compiles the validators of every operation the stand-in implements, once each', async () => {
    const spec = await loadGitHubSpec();
    for (const operationId of IMPLEMENTED_OPERATIONS) {
      spec.validateRequest({ operationId, pathParams: {}, query: new URLSearchParams(), body: {} });
      for (const status of spec.operation(operationId).documentedStatuses) {
        spec.validateResponse({ operationId, status, body: {} });
      }
    }
    const compiled = spec.compileStats().compiled;
    expect(compiled).toBeGreaterThan(IMPLEMENTED_OPERATIONS.length);
    spec.validateResponse({ operationId: 'pulls/get', status: 200, body: {} });
    expect(spec.compileStats().compiled).toBe(compiled);
  });
});
