import { generateKeyPairSync, randomBytes } from 'node:crypto';
import type { World } from '../world/world.js';
import type { App, Installation, Permissions, WebhookTarget } from '../world/types.js';
import { createOAuthClient } from '../oauth/oauth-client.js';

export interface RegisterAppInput {
  id?: number;
  slug: string;
  name?: string;
  owner?: string;
  permissions: Permissions;
  /** Webhook events the app subscribes to (e.g. `pull_request`, `check_run`). */
  events: string[];
  webhookSecret?: string;
  /** The OAuth client's callback URLs (exact match; the first is the default `redirect_uri`). */
  callbackUrls?: string[];
  clientSecret?: string;
  /** `false` opts out of expiring user access tokens (no `expires_in`, no refresh token). */
  expireUserTokens?: boolean;
}

export interface InstallInput {
  /** The user or organization login the app is installed on. */
  account: string;
  /** `all`, or the full names of selected repositories. */
  repos?: 'all' | string[];
  /** Defaults to the app's permissions. */
  permissions?: Permissions;
  webhookUrl?: string;
  receiver?: Extract<WebhookTarget, { kind: 'receiver' }>['receive'];
}

export interface RegisteredApp {
  app: App;
  /** PKCS#1 PEM, as GitHub hands out. */
  privateKey: string;
}

/**
 * Registers a GitHub App with a fresh key pair, as the manifest flow would. The stand-in keeps
 * only the public key; the test hands the private key to the app under test.
 */
export function registerApp(world: World, input: RegisterAppInput): RegisteredApp {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  });
  const id = input.id ?? world.ids.next('app');
  if (world.apps.has(id)) throw new Error(`fake-github: app ${id} already registered`);
  const app: App = {
    id,
    slug: input.slug,
    name: input.name ?? input.slug,
    owner: world.account(input.owner ?? 'sluice-dev', 'Organization'),
    bot: world.account(`${input.slug}[bot]`, 'Bot'),
    publicKeyPem: publicKey,
    webhookSecret: input.webhookSecret ?? randomBytes(16).toString('hex'),
    permissions: { metadata: 'read', ...input.permissions },
    events: input.events,
    createdAt: world.clock.now(),
    oauth: createOAuthClient(id, input),
  };
  world.apps.set(id, app);
  return { app, privateKey };
}

export function installApp(world: World, app: App, input: InstallInput): Installation {
  const account = world.findAccount(input.account);
  if (!account) throw new Error(`fake-github: no account ${input.account} to install on`);
  const selected = input.repos !== undefined && input.repos !== 'all';
  const installation: Installation = {
    id: world.ids.next('installation'),
    appId: app.id,
    account,
    repositorySelection: selected ? 'selected' : 'all',
    repositories: new Set(selected ? (input.repos as string[]).map((r) => r.toLowerCase()) : []),
    permissions: input.permissions ?? app.permissions,
    webhookTarget: input.receiver
      ? { kind: 'receiver', receive: input.receiver }
      : input.webhookUrl
        ? { kind: 'url', url: input.webhookUrl }
        : undefined,
    suspended: false,
    createdAt: world.clock.now(),
  };
  world.installations.set(installation.id, installation);
  return installation;
}
