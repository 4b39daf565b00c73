/**
 * Control commands for what people say on issues and pull requests: labels, comments,
 * approvals, each with the acting person as the webhook's sender.
 */
import { z } from 'zod';
import {
  defineCommand,
  requireIssueRepo,
  requirePullRepo,
  type CommandTable,
} from './http-control-command.js';
import { issueNumber, login, repoName } from './http-control-schemas.js';

const onIssue = { repo: repoName, number: issueNumber, by: login };

export const conversationCommands: CommandTable = {
  label: defineCommand({
    summary: 'Adds a label (created when missing); answers the labels now on it.',
    input: z.strictObject({ ...onIssue, label: z.string().min(1) }),
    example: { repo: 'acme/widgets', number: 1, label: 'merge-queue', by: 'alice' },
    run: async (gh, input) => {
      const repo = requireIssueRepo(gh, input.repo, input.number);
      await repo.label(input.number, input.label, input.by);
      return { labels: repo.labels(input.number) };
    },
  }),

  unlabel: defineCommand({
    summary: 'Removes a label; answers the labels left.',
    input: z.strictObject({ ...onIssue, label: z.string().min(1) }),
    example: { repo: 'acme/widgets', number: 1, label: 'merge-queue', by: 'alice' },
    run: async (gh, input) => {
      const repo = requireIssueRepo(gh, input.repo, input.number);
      await repo.unlabel(input.number, input.label, input.by);
      return { labels: repo.labels(input.number) };
    },
  }),

  comment: defineCommand({
    summary: 'Comments on an issue or pull request.',
    input: z.strictObject({ ...onIssue, body: z.string().min(1) }),
    example: { repo: 'acme/widgets', number: 1, body: 'LGTM', by: 'bob' },
    run: (gh, input) => {
      const made = requireIssueRepo(gh, input.repo, input.number).comment(
        input.number,
        input.body,
        input.by,
      );
      return { id: made.id, user: made.user.login, body: made.body };
    },
  }),

  approve: defineCommand({
    summary: 'Approves a pull request (refused, as on GitHub, for its author).',
    input: z.strictObject(onIssue),
    example: { repo: 'acme/widgets', number: 1, by: 'bob' },
    run: async (gh, input) => {
      const review = await requirePullRepo(gh, input.repo, input.number).approve(
        input.number,
        input.by,
      );
      return {
        id: review.id,
        state: review.state,
        user: review.user.login,
        commitId: review.commitId,
      };
    },
  }),
};
