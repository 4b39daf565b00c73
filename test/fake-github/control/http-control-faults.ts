/**
 * Control commands that make the REST API misbehave: injected answers, delays, closed
 * connections, secondary rate limits, and refs that move between a read and a write.
 */
import { z } from 'zod';
import { defineCommand, requireRepoHandle, type CommandTable } from './http-control-command.js';
import { fileChanges, login, repoName } from './http-control-schemas.js';
import { secondaryRateLimit } from '../http/faults.js';

const times = z.number().int().positive().optional();

export const faultCommands: CommandTable = {
  'add-fault': defineCommand({
    summary: 'Answers matching API requests with a status, a delay or a closed connection.',
    input: z.strictObject({
      op: z.string().optional(),
      method: z.string().optional(),
      times,
      when: z.enum(['before', 'after']).optional(),
      status: z.number().int().min(100).max(599).optional(),
      message: z.string().optional(),
      headers: z.record(z.string(), z.string()).optional(),
      delayMs: z.number().int().min(0).optional(),
      drop: z.boolean().optional(),
    }),
    example: { op: 'pulls/merge', times: 1, status: 502, message: 'Bad Gateway', when: 'after' },
    run: (gh, rule) => gh.faults.add(rule),
  }),

  'add-secondary-rate-limit': defineCommand({
    summary: "The next call of `op` gets GitHub's secondary rate limit: 403 with `retry-after`.",
    input: z.strictObject({
      op: z.string(),
      retryAfterSeconds: z.number().int().min(0).optional(),
    }),
    example: { op: 'issues/create-comment', retryAfterSeconds: 1 },
    run: (gh, input) => gh.faults.add(secondaryRateLimit(input.op, input.retryAfterSeconds)),
  }),

  'clear-faults': defineCommand({
    summary: 'Removes every API fault rule.',
    input: z.strictObject({}),
    example: {},
    run: (gh) => gh.faults.clear(),
  }),

  'set-update-refs': defineCommand({
    summary:
      'Whether GraphQL has the `updateRefs` mutation; `false` models GitHub Enterprise Server before 3.16.',
    input: z.strictObject({ available: z.boolean() }),
    example: { available: false },
    run: (gh, { available }) => gh.setUpdateRefsAvailable(available),
  }),

  'add-ref-race': defineCommand({
    summary:
      "Someone pushes to `branch` between an operation's ref read and its write (`op` may be `graphql-mutation/updateRefs`).",
    input: z.strictObject({
      op: z.string(),
      repo: repoName,
      branch: z.string(),
      message: z.string().min(1),
      files: fileChanges,
      by: login,
      times,
    }),
    example: {
      op: 'pulls/merge',
      repo: 'acme/widgets',
      branch: 'main',
      message: 'meanwhile on main',
      files: { 'NEWS.md': 'news\n' },
      by: 'bob',
    },
    run: (gh, { op, repo, times: count, ...push }) => {
      const handle = requireRepoHandle(gh, repo);
      gh.races.add(op, async () => void (await handle.push(push)), count ?? 1);
    },
  }),
};
