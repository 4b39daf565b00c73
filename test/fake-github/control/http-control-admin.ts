/**
 * Control commands of a repository admin after creation: protection, rulesets, collaborators,
 * settings. Protection and rulesets send `branch_protection_rule` / `repository_ruleset` to
 * apps subscribed to them (with the administration permission); the rest send nothing.
 */
import { z } from 'zod';
import {
  ControlError,
  defineCommand,
  requireRepoHandle,
  type CommandTable,
} from './http-control-command.js';
import type { RepoHandle } from './repo-handle.js';
import {
  login,
  protection,
  repoName,
  repoSettings,
  role,
  ruleset,
} from './http-control-schemas.js';
import { updateRepoSettings } from './repo-ops.js';

function requireRuleset(gh: Parameters<typeof requireRepoHandle>[0], repo: string, id: number) {
  const handle: RepoHandle = requireRepoHandle(gh, repo);
  if (!handle.state.rulesets.some((r) => r.id === id))
    throw new ControlError(404, `${repo} has no ruleset ${id}`);
  return handle;
}

export const adminCommands: CommandTable = {
  'protect-branch': defineCommand({
    summary: "Replaces a branch's protection rule; `null` removes it.",
    input: z.strictObject({
      repo: repoName,
      branch: z.string(),
      protection: protection.nullable(),
      by: login.optional(),
    }),
    example: { repo: 'acme/widgets', branch: 'main', protection: { requiredChecks: ['build'] } },
    run: (gh, input) => ({
      protection: requireRepoHandle(gh, input.repo).protect(
        input.branch,
        input.protection,
        input.by,
      ),
    }),
  }),

  'add-ruleset': defineCommand({
    summary: 'Adds a branch ruleset (required checks, approvals); answers it with its id.',
    input: ruleset.extend({ repo: repoName, by: login.optional() }),
    example: { repo: 'acme/widgets', name: 'gate', branches: ['main'], requiredChecks: ['build'] },
    run: (gh, { repo, ...input }) => ({
      ruleset: requireRepoHandle(gh, repo).addRuleset(input),
    }),
  }),

  'edit-ruleset': defineCommand({
    summary: "Replaces a ruleset's settings, keeping its id.",
    input: ruleset.extend({ repo: repoName, id: z.number().int(), by: login.optional() }),
    example: {
      repo: 'acme/widgets',
      id: 901,
      name: 'gate',
      branches: ['main'],
      requiredChecks: ['build', 'lint'],
    },
    run: (gh, { repo, id, ...input }) => ({
      ruleset: requireRuleset(gh, repo, id).editRuleset(id, input),
    }),
  }),

  'delete-ruleset': defineCommand({
    summary: 'Deletes a ruleset.',
    input: z.strictObject({ repo: repoName, id: z.number().int(), by: login.optional() }),
    example: { repo: 'acme/widgets', id: 901 },
    run: (gh, input) =>
      void requireRuleset(gh, input.repo, input.id).removeRuleset(input.id, input.by),
  }),

  'set-collaborator': defineCommand({
    summary: 'Gives a person a role on the repository; `null` removes them.',
    input: z.strictObject({ repo: repoName, login, role: role.nullable() }),
    example: { repo: 'acme/widgets', login: 'carol', role: 'read' },
    run: (gh, input) => void requireRepoHandle(gh, input.repo).setRole(input.login, input.role),
  }),

  'update-repo-settings': defineCommand({
    summary: 'Allowed merge methods and delete-branch-on-merge.',
    input: z.strictObject({ repo: repoName, settings: repoSettings }),
    example: { repo: 'acme/widgets', settings: { allowMergeCommit: false } },
    run: (gh, input) => ({
      settings: updateRepoSettings(gh.services, {
        repo: requireRepoHandle(gh, input.repo).state,
        settings: input.settings,
      }),
    }),
  }),
};
