/**
 * Control commands of a repository admin after creation: protection, collaborators, settings.
 * GitHub sends the app no webhook for these, so neither do they.
 */
import { z } from 'zod';
import { defineCommand, requireRepoHandle, type CommandTable } from './http-control-command.js';
import { login, protection, repoName, repoSettings, role } from './http-control-schemas.js';
import { updateRepoSettings } from './repo-ops.js';

export const adminCommands: CommandTable = {
  'protect-branch': defineCommand({
    summary: "Replaces a branch's protection rule; `null` removes it.",
    input: z.strictObject({
      repo: repoName,
      branch: z.string(),
      protection: protection.nullable(),
    }),
    example: { repo: 'acme/widgets', branch: 'main', protection: { requiredChecks: ['build'] } },
    run: (gh, input) => ({
      protection: requireRepoHandle(gh, input.repo).protect(input.branch, input.protection),
    }),
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
