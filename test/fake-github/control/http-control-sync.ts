/**
 * Control commands that end a step of a scenario: wait until everything is quiet, then ask
 * whether the run was honest (the same check `gh.assertClean()` makes, answered as data).
 */
import { z } from 'zod';
import { defineCommand, type CommandTable } from './http-control-command.js';
import { findProblems } from './finish.js';

const violationKind = z.enum([
  'unknown-endpoint',
  'unimplemented',
  'app-bad-request',
  'fake-bad-response',
  'bad-webhook',
  'webhook-failed',
]);

export const syncCommands: CommandTable = {
  settle: defineCommand({
    summary:
      'Waits until deliveries, API traffic and CI work have gone quiet; fails only after `stallMs` without progress.',
    input: z.strictObject({
      quietMs: z.number().int().min(0).optional(),
      stallMs: z.number().int().positive().optional(),
    }),
    example: { quietMs: 100, stallMs: 120000 },
    run: (gh, input) => gh.settle(input),
  }),

  'assert-clean': defineCommand({
    summary:
      'The honesty check: answers the problems (violations, retry storms) instead of throwing.',
    input: z.strictObject({
      allow: z.array(violationKind).optional(),
      repeatedWrites: z.boolean().optional(),
    }),
    example: { allow: ['webhook-failed'] },
    run: (gh, input) => {
      const problems = findProblems(gh.world, gh.deliveries, input);
      return { clean: problems.length === 0, problems };
    },
  }),
};
