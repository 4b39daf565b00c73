/**
 * Control commands that set the stage: people, and repositories with their files,
 * collaborators, protection, rulesets, settings and fork parent.
 */
import { z } from 'zod';
import { ControlError, defineCommand, type CommandTable } from './http-control-command.js';
import {
  login,
  protection,
  repoName,
  repoSettings,
  role,
  ruleset,
} from './http-control-schemas.js';
import { addRuleset } from './repo-ops.js';

export const setupCommands: CommandTable = {
  'create-user': defineCommand({
    summary: 'A person; the token works for the REST API and for git over HTTP.',
    input: z.strictObject({ login }),
    example: { login: 'alice' },
    run: (gh, { login }) => {
      const { account, token } = gh.createUser(login);
      return { login: account.login, id: account.id, token };
    },
  }),

  'create-repo': defineCommand({
    summary: 'A repository with an initial commit of `files`; optionally a fork of `parent`.',
    input: z.strictObject({
      fullName: repoName,
      ownerType: z.enum(['User', 'Organization']).optional(),
      defaultBranch: z.string().optional(),
      private: z.boolean().optional(),
      files: z.record(z.string(), z.string()).optional(),
      collaborators: z.record(z.string(), role).optional(),
      protection: z.record(z.string(), protection).optional(),
      rulesets: z.array(ruleset).optional(),
      settings: repoSettings.optional(),
      parent: repoName.optional(),
      defaultLabels: z.boolean().optional(),
    }),
    example: {
      fullName: 'acme/widgets',
      ownerType: 'Organization',
      files: { 'README.md': '# widgets\n' },
      collaborators: { alice: 'write', bob: 'write' },
      protection: { main: { requiredChecks: ['build'] } },
    },
    run: async (gh, input) => {
      const { protection: protect = {}, rulesets = [], ...rest } = input;
      if (rest.parent && !gh.world.repo(rest.parent))
        throw new ControlError(404, `no repository ${rest.parent} to fork`);
      const state = await gh.createRepo(rest);
      const repo = gh.repo(state.fullName);
      for (const [branch, rule] of Object.entries(protect)) repo.protect(branch, rule);
      for (const rule of rulesets) addRuleset(gh.services, { repo: state, ...rule });
      return {
        fullName: state.fullName,
        id: state.id,
        defaultBranch: state.defaultBranch,
        cloneUrl: `${gh.url}/${state.fullName}.git`,
        head: (await state.git.resolveRef(`refs/heads/${state.defaultBranch}`)) ?? null,
      };
    },
  }),
};
