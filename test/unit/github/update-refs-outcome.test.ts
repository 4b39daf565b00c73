import { describe, expect, it } from '@jest/globals';
import { updateRefsOutcome } from '../../../src/github/update-refs.js';

/** What Octokit's GraphQL client throws: the answer's `errors`, or an HTTP failure. */
const graphqlErrors = (...messages: string[]) =>
  Object.assign(new Error(messages.join('; ')), {
    errors: messages.map((message) => ({ message })),
  });
const httpFailure = (status: number | undefined, message: string) =>
  Object.assign(new Error(message), status === undefined ? {} : { status });

describe('updateRefsOutcome', () => {
  it('takes a host without the mutation for what it is: nothing ran, land another way', () => {
    expect(
      updateRefsOutcome(graphqlErrors("Field 'updateRefs' doesn't exist on type 'Mutation'")),
    ).toEqual({
      kind: 'unsupported',
      message: "Field 'updateRefs' doesn't exist on type 'Mutation'",
    });
  });

  it('reads any other GraphQL error as a refusal: the call was atomic, so nothing moved', () => {
    expect(updateRefsOutcome(graphqlErrors('A ref was not at its expected value'))).toEqual({
      kind: 'rejected',
      message: 'A ref was not at its expected value',
    });
  });

  it('reads a 5xx or a lost connection as an unknown outcome, to be looked at before retrying', () => {
    expect(updateRefsOutcome(httpFailure(502, 'Bad Gateway'))).toEqual({
      kind: 'unknown',
      message: 'Bad Gateway',
    });
    expect(updateRefsOutcome(httpFailure(undefined, 'socket hang up')).kind).toBe('unknown');
  });

  it('reads a 4xx without a GraphQL answer as a refusal', () => {
    expect(updateRefsOutcome(httpFailure(403, 'Resource not accessible by integration'))).toEqual({
      kind: 'rejected',
      message: '403 Resource not accessible by integration',
    });
  });
});
