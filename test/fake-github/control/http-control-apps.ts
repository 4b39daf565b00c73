/**
 * Control commands for the GitHub App: register it (key pair, secret, OAuth client, the env
 * Probot needs), install it with a webhook URL, and later take its tokens or permissions away.
 */
import { z } from 'zod';
import {
  ControlError,
  defineCommand,
  requireInstallation,
  type CommandTable,
} from './http-control-command.js';
import { login, permissions, repoName } from './http-control-schemas.js';

export const appCommands: CommandTable = {
  'register-app': defineCommand({
    summary: 'A GitHub App with a fresh key pair; answers its private key, secret and Probot env.',
    input: z.strictObject({
      id: z.number().int().positive().optional(),
      slug: z.string().min(1),
      name: z.string().optional(),
      owner: login.optional(),
      permissions,
      events: z.array(z.string()),
      webhookSecret: z.string().optional(),
      callbackUrls: z.array(z.url()).max(10).optional(),
      expireUserTokens: z.boolean().optional(),
    }),
    example: {
      id: 4242,
      slug: 'sluice',
      permissions: { contents: 'write', pull_requests: 'write', checks: 'write' },
      events: ['pull_request', 'push', 'check_run'],
      callbackUrls: ['http://127.0.0.1:3000/auth/callback'],
    },
    run: (gh, input) => {
      if (input.id !== undefined && gh.world.apps.has(input.id))
        throw new ControlError(400, `app ${input.id} is already registered`);
      const registered = gh.registerApp(input);
      const { app, privateKey } = registered;
      return {
        id: app.id,
        slug: app.slug,
        privateKey,
        webhookSecret: app.webhookSecret,
        clientId: app.oauth.clientId,
        clientSecret: app.oauth.clientSecret,
        callbackUrls: app.oauth.callbackUrls,
        env: gh.envFor(registered),
      };
    },
  }),

  'set-callback-urls': defineCommand({
    summary: "Replaces the app's OAuth callback URLs (where the sign-in flow may return to).",
    input: z.strictObject({ app: z.number().int(), callbackUrls: z.array(z.url()).max(10) }),
    example: { app: 4242, callbackUrls: ['http://127.0.0.1:3000/auth/callback'] },
    run: (gh, input) => {
      const app = gh.world.apps.get(input.app);
      if (!app) throw new ControlError(404, `no app ${input.app}`);
      gh.setCallbackUrls(app, input.callbackUrls);
      return { callbackUrls: app.oauth.callbackUrls };
    },
  }),

  'install-app': defineCommand({
    summary: 'Installs an app on an account; webhooks go to `webhookUrl`.',
    input: z.strictObject({
      app: z.number().int(),
      account: login,
      repos: z.union([z.literal('all'), z.array(repoName)]).optional(),
      permissions: permissions.optional(),
      webhookUrl: z.url().optional(),
    }),
    example: {
      app: 4242,
      account: 'acme',
      webhookUrl: 'http://127.0.0.1:3000/api/github/webhooks',
    },
    run: (gh, { app: appId, ...input }) => {
      const app = gh.world.apps.get(appId);
      if (!app) throw new ControlError(404, `no app ${appId}`);
      if (!gh.world.findAccount(input.account))
        throw new ControlError(404, `no account ${input.account} to install on`);
      const installation = gh.install(app, input);
      return {
        id: installation.id,
        account: installation.account.login,
        repositorySelection: installation.repositorySelection,
        permissions: installation.permissions,
      };
    },
  }),

  'revoke-tokens': defineCommand({
    summary: "Revokes the installation's tokens: their next call answers 401 Bad credentials.",
    input: z.strictObject({ installation: z.number().int() }),
    example: { installation: 70001 },
    run: (gh, input) => ({
      revoked: gh.revokeTokens(requireInstallation(gh, input.installation).id),
    }),
  }),

  'set-installation-permissions': defineCommand({
    summary: 'Changes what an installation may do; missing ones answer 403 from then on.',
    input: z.strictObject({ installation: z.number().int(), permissions }),
    example: { installation: 70001, permissions: { contents: 'read', pull_requests: 'write' } },
    run: (gh, input) => ({
      permissions: gh.setInstallationPermissions(
        requireInstallation(gh, input.installation).id,
        input.permissions,
      ).permissions,
    }),
  }),
};
