import type { MergeMessageInput } from '../../../../src/merge-subject/index.js';

type PullRequest = MergeMessageInput['pr'];

/** A merge message request with defaults, so each test shows only what it varies. */
export function aMergeRequest(
  pr: Partial<PullRequest> = {},
  options: Omit<MergeMessageInput, 'pr'> = {},
): MergeMessageInput {
  return {
    pr: {
      number: 42,
      title: 'feat(queue): land batches',
      body: '',
      author: { login: 'octocat', email: 'octocat@example.com' },
      ...pr,
    },
    ...options,
  };
}
