import { beforeAll, describe, expect, it } from '@jest/globals';
import type { ErrorObject } from 'ajv';
import { excuseKnownSpecBugs } from './excuse-known-spec-bugs.js';
import { KNOWN_SPEC_BUGS, KNOWN_SPEC_BUGS_REVIEWED_FOR } from './known-spec-bugs.js';
import { loadGitHubSpec, type GitHubSpec } from './index.js';

let spec: GitHubSpec;
beforeAll(async () => {
  spec = await loadGitHubSpec();
});

function aTypeError(instancePath: string, data: unknown): ErrorObject {
  return { instancePath, data, keyword: 'type', schemaPath: '#/type', params: { type: 'string' } };
}

describe('the list of known spec bugs', () => {
  it('was reviewed against the installed spec, so a spec bump forces a re-check', () => {
    expect(spec.version).toBe(KNOWN_SPEC_BUGS_REVIEWED_FOR);
  });

  it('links every entry to an upstream issue and names only real operations and webhooks', () => {
    for (const bug of KNOWN_SPEC_BUGS) {
      expect(bug.issue).toMatch(
        /^https:\/\/github\.com\/github\/rest-api-description\/issues\/\d+$/,
      );
      for (const site of bug.sites) {
        if (site.kind === 'response') {
          expect(spec.operation(site.operationId).documentedStatuses).toContain(site.status);
        } else {
          const check = spec.validateWebhook(site.key, undefined, {});
          expect(check.ok ? [] : check.errors).not.toContain(
            `GitHub sends no webhook "${site.key}"`,
          );
        }
      }
    }
  });

  it('excuses only the excused value, at the listed path, of the listed subject', () => {
    const subject = { kind: 'response', operationId: 'pulls/list-files', status: 200 } as const;
    const excused = excuseKnownSpecBugs(
      subject,
      [aTypeError('/3/blob_url', null)],
      KNOWN_SPEC_BUGS,
    );
    expect(excused.remaining).toEqual([]);
    expect(excused.excused.map((bug) => bug.issue)).toEqual([
      'https://github.com/github/rest-api-description/issues/1945',
    ]);
    const notExcused = [
      excuseKnownSpecBugs(subject, [aTypeError('/3/blob_url', 42)], KNOWN_SPEC_BUGS),
      excuseKnownSpecBugs(subject, [aTypeError('/3/filename', null)], KNOWN_SPEC_BUGS),
      excuseKnownSpecBugs(subject, [aTypeError('/blob_url', null)], KNOWN_SPEC_BUGS),
      excuseKnownSpecBugs(
        { ...subject, status: 201 },
        [aTypeError('/3/blob_url', null)],
        KNOWN_SPEC_BUGS,
      ),
      excuseKnownSpecBugs(
        { kind: 'webhook', key: 'pull-request-opened' },
        [aTypeError('/3/blob_url', null)],
        KNOWN_SPEC_BUGS,
      ),
    ];
    for (const result of notExcused) {
      expect(result).toMatchObject({ remaining: [{ keyword: 'type' }], excused: [] });
    }
  });
});
