/**
 * Control commands for what people do with code: open pull requests, push to them or straight
 * to a branch, close and merge. Each runs the repo handle's code, so the app under test gets
 * exactly the webhooks an in-process test would cause.
 */
import { z } from 'zod';
import {
  defineCommand,
  requirePullRepo,
  requireRepoHandle,
  type CommandTable,
} from './http-control-command.js';
import { commit, fileChanges, issueNumber, login, repoName, sha } from './http-control-schemas.js';
import { mergePullRequest } from './pull-ops.js';
import { snapshotPull } from '../domain/pulls/pull-snapshot.js';

export const pullCommands: CommandTable = {
  'open-pull': defineCommand({
    summary: 'Pushes `commits` to a new head branch (from `base`), then opens a pull request.',
    input: z.strictObject({
      repo: repoName,
      author: login,
      branch: z.string().min(1),
      commits: z.array(commit).optional(),
      base: z.string().optional(),
      title: z.string().optional(),
      body: z.string().optional(),
      draft: z.boolean().optional(),
      fork: repoName.optional(),
      maintainerCanModify: z.boolean().optional(),
    }),
    example: {
      repo: 'acme/widgets',
      author: 'alice',
      branch: 'feature/x',
      title: 'feat: x',
      commits: [{ message: 'add x', files: { 'src/x.ts': 'export const x = 1;\n' } }],
    },
    run: async (gh, { repo, fork, ...input }) => {
      if (fork) requireRepoHandle(gh, fork);
      return snapshotPull(
        await requireRepoHandle(gh, repo).openPullRequest({ ...input, ...(fork ? { fork } : {}) }),
      );
    },
  }),

  'push-to-pull': defineCommand({
    summary: "Pushes commits to the PR's head branch: `push`, then `pull_request.synchronize`.",
    input: z.strictObject({
      repo: repoName,
      number: issueNumber,
      commits: z.array(commit).min(1),
      by: login.optional(),
    }),
    example: {
      repo: 'acme/widgets',
      number: 1,
      commits: [{ message: 'fix x', files: { 'src/x.ts': 'export const x = 2;\n' } }],
    },
    run: async (gh, { repo, number, ...input }) => ({
      sha: await requirePullRepo(gh, repo, number).pushToPullRequest(number, input),
    }),
  }),

  'push-branch': defineCommand({
    summary: 'A person pushes one commit straight to a branch (created when missing).',
    input: z.strictObject({
      repo: repoName,
      branch: z.string().min(1),
      message: z.string().min(1),
      files: fileChanges,
      by: login,
    }),
    example: {
      repo: 'acme/widgets',
      branch: 'main',
      message: 'docs: readme',
      files: { 'README.md': '# Widgets\n' },
      by: 'bob',
    },
    run: async (gh, { repo, ...input }) => ({
      sha: await requireRepoHandle(gh, repo).push(input),
    }),
  }),

  'close-pull': defineCommand({
    summary: 'Closes a pull request without merging.',
    input: z.strictObject({ repo: repoName, number: issueNumber, by: login.optional() }),
    example: { repo: 'acme/widgets', number: 1, by: 'alice' },
    run: (gh, input) =>
      requirePullRepo(gh, input.repo, input.number).closePullRequest(input.number, input.by),
  }),

  'merge-pull': defineCommand({
    summary: 'A person clicks "merge": the same rules and webhooks as `PUT pulls/N/merge`.',
    input: z.strictObject({
      repo: repoName,
      number: issueNumber,
      by: login.optional(),
      method: z.enum(['merge', 'squash', 'rebase']).optional(),
      sha: sha.optional(),
    }),
    example: { repo: 'acme/widgets', number: 1, by: 'alice', method: 'squash' },
    run: async (gh, { repo, ...input }) => ({
      sha: await mergePullRequest(gh.services, {
        repo: requirePullRepo(gh, repo, input.number).state,
        ...input,
      }),
    }),
  }),
};
