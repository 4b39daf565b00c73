import { describe, expect, it } from '@jest/globals';
import type { ProbotOctokit } from 'probot';
import { writeNotices } from '../../../src/github/write-notices.js';
import type { NoticeBatchWrite } from '../../../src/github/index.js';

const create: NoticeBatchWrite = {
  kind: 'check-run',
  check: {
    name: 'Sluice',
    headSha: 'a'.repeat(40),
    status: 'queued',
    output: { title: 'Q', summary: 'Q' },
  },
};
const removal: NoticeBatchWrite = { kind: 'remove-label', pullId: 'PR_1', labelId: 'LA_1' };

/** A client whose GraphQL call fails as Octokit (or its throttling plugin) would throw it. */
function failingWith(error: object) {
  const octokit = { graphql: () => Promise.reject(Object.assign(new Error('GraphQL'), error)) };
  return { octokit: octokit as unknown as ProbotOctokit, owner: 'acme', repo: 'w' };
}

describe('what a batch of notices came to, by the shape of GitHub’s answer', () => {
  it('a document that started and failed (`data: null`, a timeout) may have written any of it', async () => {
    const ctx = failingWith({
      data: null,
      errors: [
        {
          message:
            'Something went wrong while executing your query. This may be the result of a timeout',
        },
      ],
    });
    const answer = await writeNotices(ctx, 'R_1', [create, removal]);
    expect(answer).toMatchObject({
      kind: 'answered',
      results: [{ kind: 'unknown' }, { kind: 'unknown' }],
    });
  });

  it('an error under a field of the answer, after the write, is not a refusal', async () => {
    const ctx = failingWith({
      data: { w0: null, w1: { clientMutationId: null } },
      errors: [{ type: 'NOT_FOUND', path: ['w0', 'checkRun', 'databaseId'], message: 'gone' }],
    });
    const answer = await writeNotices(ctx, 'R_1', [create, removal]);
    expect(answer).toEqual({
      kind: 'answered',
      results: [{ kind: 'unknown', message: 'gone' }, { kind: 'ok' }],
    });
  });

  it('a field GitHub refused writes nothing: rejected, the others answered', async () => {
    const ctx = failingWith({
      data: { w0: null, w1: null },
      errors: [
        { type: 'UNPROCESSABLE', path: ['w0'], message: 'No commit found' },
        { type: 'RATE_LIMITED', path: ['w1'], message: 'slow down' },
      ],
    });
    const answer = await writeNotices(ctx, 'R_1', [create, removal]);
    expect(answer).toMatchObject({
      kind: 'answered',
      results: [{ kind: 'rejected' }, { kind: 'unknown' }],
    });
  });

  it('a host whose schema lacks a mutation refused the document before running it', async () => {
    const ctx = failingWith({
      errors: [{ message: "Field 'removeLabelsFromLabelable' doesn't exist on type 'Mutation'" }],
    });
    expect(await writeNotices(ctx, 'R_1', [removal])).toMatchObject({
      kind: 'refused',
      hostLacksMutations: true,
    });
  });

  it('a rate limit as the throttling plugin throws it wrote nothing: send it later', async () => {
    const ctx = failingWith({
      response: {
        data: { errors: [{ type: 'RATE_LIMITED', message: 'API rate limit exceeded' }] },
      },
    });
    expect(await writeNotices(ctx, 'R_1', [create])).toMatchObject({
      kind: 'answered',
      results: [{ kind: 'throttled' }],
    });
  });

  it('errors of any other shape without data are unknown, never refused', async () => {
    const ctx = failingWith({ errors: [{ message: 'Something went wrong' }] });
    expect(await writeNotices(ctx, 'R_1', [create])).toMatchObject({
      kind: 'answered',
      results: [{ kind: 'unknown' }],
    });
  });
});
