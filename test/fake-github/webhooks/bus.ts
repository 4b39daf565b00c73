import { AsyncLocalStorage } from 'node:async_hooks';
import type { World } from '../world/world.js';
import type { Account, App, Installation, RepoState } from '../world/types.js';
import { renderInstallationRef, renderRepository, renderUser } from '../render/basics.js';
import type { WebhookDispatcher } from './dispatcher.js';

export interface EventInput {
  repo: RepoState;
  event: string;
  action?: string;
  /** Event-specific fields; `repository`, `sender`, `installation` are added per app. */
  payload: Record<string, unknown>;
  sender: Account;
  /** For check_run/check_suite: the app that owns the run (decides who hears requested/rerequested). */
  ownerAppId?: number;
}

/** check_run and check_suite actions that GitHub sends only to the app that owns the run. */
const ownerOnly = new Set([
  'check_run.rerequested',
  'check_run.requested_action',
  'check_suite.requested',
  'check_suite.rerequested',
]);

/**
 * Events an App may subscribe to only with the Administration permission (read is enough),
 * as GitHub's webhook docs say for each; without it the App is not sent them.
 */
const needAdministration = new Set(['branch_protection_rule', 'repository_ruleset']);

/**
 * Turns state changes into per-installation webhook deliveries. Events raised while an API
 * request is being handled are held until its response has been sent, as GitHub processes
 * them asynchronously: a webhook never overtakes the response that caused it.
 */
export class WebhookBus {
  readonly #scope = new AsyncLocalStorage<EventInput[]>();

  constructor(
    private readonly world: World,
    private readonly dispatcher: WebhookDispatcher,
  ) {}

  /** Runs `fn` holding every event it raises; returns the held events to `release` later. */
  async hold<T>(fn: () => Promise<T>): Promise<{ result: T; held: EventInput[] }> {
    const held: EventInput[] = [];
    const result = await this.#scope.run(held, fn);
    return { result, held };
  }

  /** Runs `fn` as if no request were being handled: its events are sent, not held. */
  outsideRequest<T>(fn: () => Promise<T>): Promise<T> {
    return this.#scope.exit(fn);
  }

  release(held: EventInput[]): void {
    for (const input of held) this.#dispatch(input);
  }

  emit(input: EventInput): void {
    const held = this.#scope.getStore();
    if (held) held.push(input);
    else this.#dispatch(input);
  }

  #dispatch(input: EventInput): void {
    const key = input.action ? `${input.event}.${input.action}` : input.event;
    for (const installation of this.world.installationsCovering(input.repo)) {
      const app = this.world.apps.get(installation.appId);
      if (!app || !this.#wants(app, installation, input, key)) continue;
      const payload = {
        ...(input.action ? { action: input.action } : {}),
        ...input.payload,
        repository: renderRepository(this.world, input.repo),
        ...(input.repo.owner.type === 'Organization'
          ? { organization: renderOrganization(this.world, input.repo.owner) }
          : {}),
        sender: renderUser(this.world, input.sender),
        installation: renderInstallationRef(installation),
      };
      this.dispatcher.enqueue({
        app,
        installation,
        event: input.event,
        action: input.action,
        payload,
      });
    }
  }

  #wants(app: App, installation: Installation, input: EventInput, key: string): boolean {
    if (!app.events.includes(input.event)) return false;
    if (needAdministration.has(input.event))
      return installation.permissions.administration !== undefined;
    if (ownerOnly.has(key)) return input.ownerAppId === app.id;
    if (input.event === 'check_run' || input.event === 'check_suite') {
      // Other apps' check events reach every app that can read checks (community discussion #210531).
      return installation.permissions.checks !== undefined;
    }
    return true;
  }
}

function renderOrganization(world: World, account: Account): Record<string, unknown> {
  const url = `${world.apiUrl}/orgs/${account.login}`;
  return {
    login: account.login,
    id: account.id,
    node_id: `O_${account.id}`,
    url,
    repos_url: `${url}/repos`,
    events_url: `${url}/events`,
    hooks_url: `${url}/hooks`,
    issues_url: `${url}/issues`,
    members_url: `${url}/members{/member}`,
    public_members_url: `${url}/public_members{/member}`,
    avatar_url: `${world.baseUrl}/avatars/${account.login}`,
    description: null,
  };
}
