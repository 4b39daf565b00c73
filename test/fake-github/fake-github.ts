import { mkdtemp, rm } from 'node:fs/promises';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { World } from './world/world.js';
import { VirtualClock } from './world/clock.js';
import { GitHost, createSmartHttpHandler } from './git/index.js';
import { loadGitHubSpec, fakeGitHubCoverage, webhookKey, type GitHubSpec } from './spec/index.js';
import { WebhookDispatcher } from './webhooks/dispatcher.js';
import { WebhookBus } from './webhooks/bus.js';
import { RefHub } from './events/ref-hub.js';
import { PullHub } from './events/pull-hub.js';
import { FaultTable } from './http/faults.js';
import { RaceTable } from './http/races.js';
import { handleApiRequest, type PipelineDeps } from './http/pipeline.js';
import { handlers } from './handlers/index.js';
import { listen, isGitRequest, type Served } from './http/node-server.js';
import { authorizeGit } from './auth/authorize-git.js';
import { plugins } from './plugins.js';
import { settle, type SettleOptions } from './control/settle.js';
import { assertClean, type FinishOptions } from './control/finish.js';
import {
  installApp,
  registerApp,
  type InstallInput,
  type RegisterAppInput,
  type RegisteredApp,
} from './control/register-app.js';
import { createRepo, type CreateRepoInput } from './control/create-repo.js';
import type { Account, App, Installation, Permissions, RepoState } from './world/types.js';
import type { Services } from './world/services.js';
import { RepoHandle } from './control/repo-handle.js';
import { randomBytes } from 'node:crypto';
import { createHttpControlRoute } from './control/http-control.js';
import { handleGraphqlRequest, type GraphqlDeps } from './graphql/handle-graphql-request.js';
import type { HostFeatures } from './graphql/host-features.js';
import { checkCallbackUrls } from './oauth/oauth-client.js';

export interface FakeGitHubOptions {
  /** Where the bare repositories live; a fresh temp dir (removed on close) when absent. */
  dataDir?: string;
  /** Answer 500 when the stand-in itself would answer off-spec (default true). */
  strict?: boolean;
  clock?: VirtualClock;
  /** `false` models a host without GraphQL `updateRefs` (GitHub Enterprise Server before 3.16). */
  updateRefs?: boolean;
}

/** A route outside the REST API: job log downloads, the HTTP control plane. */
export interface SideRoute {
  prefix: string;
  serve(request: Request): Promise<Response>;
}

/**
 * The local GitHub: one HTTP server (127.0.0.1, port 0) answering the REST API under
 * `/api/v3`, GraphQL at `/api/graphql`, git smart HTTP under `/<owner>/<repo>.git`, and side
 * routes; the same core is also mountable in-process as `fetch`.
 */
export class FakeGitHub {
  readonly faults = new FaultTable();
  readonly races = new RaceTable();
  readonly sideRoutes: SideRoute[] = [];
  readonly webhooks: WebhookBus;
  readonly deliveries: WebhookDispatcher;
  readonly refs: RefHub;
  readonly pulls = new PullHub();
  /** What the modelled host offers; `setUpdateRefsAvailable` switches it mid-run. */
  readonly host: HostFeatures = { updateRefs: true };
  readonly #pipeline: PipelineDeps;
  readonly #graphql: GraphqlDeps;
  readonly #smartHttp: (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;
  #server: Server | undefined;

  private constructor(
    readonly world: World,
    readonly spec: GitHubSpec,
    readonly git: GitHost,
    readonly options: { strict: boolean; ownsDataDir: boolean },
  ) {
    this.deliveries = new WebhookDispatcher({
      validate: (event, action, payload) => {
        const check = spec.validateWebhook(event, action, payload);
        return check.ok ? [] : check.errors;
      },
      onViolation: (kind, subject, detail) =>
        world.recordViolation({ kind, subject, detail, at: world.clock.now() }),
      onSent: (record) => fakeGitHubCoverage.recordWebhook(webhookKey(record.event, record.action)),
    });
    this.webhooks = new WebhookBus(world, this.deliveries);
    this.refs = new RefHub(world, this.webhooks);
    this.#pipeline = {
      world,
      spec,
      coverage: fakeGitHubCoverage,
      handlers,
      webhooks: this.webhooks,
      refs: this.refs,
      pulls: this.pulls,
      faults: this.faults,
      races: this.races,
      strict: options.strict,
    };
    this.#graphql = {
      ...this.services,
      faults: this.faults,
      races: this.races,
      coverage: fakeGitHubCoverage,
      host: this.host,
    };
    this.#smartHttp = createSmartHttpHandler({
      host: git,
      authorize: (request) => authorizeGit(world, request),
      onPush: async ({ repo, pusher, changes }) => {
        const state = world.requireRepo(repo.fullName);
        await this.refs.refsChanged({ repo: state, changes, pusher: world.account(pusher) });
      },
    });
  }

  static async start(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
    const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'fake-github-')));
    const spec = await loadGitHubSpec();
    const world = new World(options.clock ?? new VirtualClock());
    const gh = new FakeGitHub(world, spec, new GitHost(dataDir), {
      strict: options.strict ?? true,
      ownsDataDir: options.dataDir === undefined,
    });
    gh.setUpdateRefsAvailable(options.updateRefs ?? true);
    for (const plugin of plugins) plugin(gh);
    gh.sideRoutes.push(createHttpControlRoute(gh));
    const { server, url } = await listen((request, raw) => gh.#serve(request, raw.req));
    gh.#server = server;
    world.baseUrl = url;
    return gh;
  }

  get url(): string {
    return this.world.baseUrl;
  }

  get apiUrl(): string {
    return this.world.apiUrl;
  }

  /** The stand-in as a `fetch` function, for in-process Octokit/Probot (no sockets). */
  readonly fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const served = await this.#serve(request, undefined);
    // GitHub finishes a write whose connection dropped: its webhooks still go out.
    if (served.drop && served.afterSend) setImmediate(served.afterSend);
    if (served.drop)
      throw new TypeError('fetch failed', { cause: new Error('socket hang up (injected)') });
    if (!served.response) throw new Error(`fake-github: ${request.url} is only served over HTTP`);
    // The caller gets the answer before any webhook it caused, as over a socket.
    if (served.afterSend) setImmediate(served.afterSend);
    // Like fetch, follow redirects (job logs answer 302 to a side route) unless told not to.
    const location = served.response.headers.get('location');
    if (
      location &&
      [301, 302, 303, 307, 308].includes(served.response.status) &&
      request.redirect === 'follow'
    ) {
      return this.fetch(new URL(location, request.url), { headers: request.headers });
    }
    // fetch's answers know their URL; octokit.paginate resolves `Link` against it.
    Object.defineProperty(served.response, 'url', { value: request.url });
    return served.response;
  };

  async #serve(request: Request, req: IncomingMessage | undefined): Promise<Served> {
    const path = new URL(request.url).pathname;
    const side = this.sideRoutes.find((route) => path.startsWith(route.prefix));
    if (side) return { response: await side.serve(request) };
    if (req && isGitRequest(req)) {
      return {
        raw: async (rawReq, res) => {
          if (!(await this.#smartHttp(rawReq, res))) res.writeHead(404).end();
        },
      };
    }
    if (path.startsWith('/api/graphql') || path === '/graphql') {
      const handled = await handleGraphqlRequest(this.#graphql, request);
      return {
        response: handled.response,
        drop: handled.drop,
        afterSend: () => this.webhooks.release(handled.held),
      };
    }
    const handled = await handleApiRequest(this.#pipeline, request);
    return {
      response: handled.response,
      drop: handled.drop,
      afterSend: () => this.webhooks.release(handled.held),
    };
  }

  /** `false`: GraphQL answers `updateRefs` as a field the schema lacks, as GHES before 3.16 does. */
  setUpdateRefsAvailable(available: boolean): void {
    this.host.updateRefs = available;
  }

  registerApp(input: RegisterAppInput): RegisteredApp {
    return registerApp(this.world, input);
  }

  install(app: App, input: InstallInput): Installation {
    return installApp(this.world, app, input);
  }

  /** Revokes every token issued to the installation so far: their next call answers 401 Bad credentials. */
  revokeTokens(installationId: number): number {
    let revoked = 0;
    for (const token of this.world.tokens.values()) {
      if (token.installationId !== installationId || token.revoked) continue;
      token.revoked = true;
      revoked += 1;
    }
    return revoked;
  }

  /** An admin changes what an installation may do: issued tokens lose what it loses at once; gains reach new tokens. */
  setInstallationPermissions(installationId: number, permissions: Permissions): Installation {
    const installation = this.world.installations.get(installationId);
    if (!installation) throw new Error(`fake-github: no installation ${installationId}`);
    installation.permissions = { metadata: 'read', ...permissions };
    return installation;
  }

  /** A person; the returned token works for the REST API and for git over HTTP. */
  createUser(login: string): { account: Account; token: string } {
    const account = this.world.account(login);
    const token = `ghp_${login.replace(/[^A-Za-z0-9]/g, '')}${randomBytes(12).toString('hex')}`;
    this.world.userTokens.set(token, account);
    return { account, token };
  }

  createRepo(input: CreateRepoInput): Promise<RepoState> {
    return createRepo(this.world, this.git, input);
  }

  /** A repository as a test drives it (people, admin, CI). */
  repo(fullName: string): RepoHandle {
    return new RepoHandle(this.services, this.world.requireRepo(fullName));
  }

  /**
   * The environment a Probot process needs to talk to this stand-in as `app`, with the app's
   * OAuth client under the names Probot's manifest flow writes (`GITHUB_CLIENT_ID`/`_SECRET`).
   */
  envFor(registered: RegisteredApp): Record<string, string> {
    const { host } = new URL(this.url);
    return {
      APP_ID: String(registered.app.id),
      PRIVATE_KEY: registered.privateKey,
      WEBHOOK_SECRET: registered.app.webhookSecret,
      GITHUB_CLIENT_ID: registered.app.oauth.clientId,
      GITHUB_CLIENT_SECRET: registered.app.oauth.clientSecret,
      GHE_HOST: host,
      GHE_PROTOCOL: 'http',
    };
  }

  /** Replaces the app's OAuth callback URLs (e.g. once the app under test knows its port). */
  setCallbackUrls(app: App, callbackUrls: string[]): void {
    app.oauth.callbackUrls = checkCallbackUrls(callbackUrls);
  }

  /** Waits until deliveries, background work and the app (via probes) are quiet. */
  settle(options: SettleOptions = {}): Promise<void> {
    return settle(this.world, this.deliveries, {
      ...options,
      busy: [...this.busySignals, ...(options.busy ?? [])],
    });
  }

  /** Background work that keeps `settle()` waiting (the CI engine registers here). */
  readonly busySignals: (() => boolean)[] = [];

  /** Throws when the run was dishonest: spec violations, failed deliveries, retry storms. */
  assertClean(options: FinishOptions = {}): void {
    assertClean(this.world, this.deliveries, options);
  }

  /** The services domain operations take (the same ones the REST handlers get). */
  get services(): Services {
    return { world: this.world, webhooks: this.webhooks, refs: this.refs, pulls: this.pulls };
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => {
      if (!this.#server) return resolve();
      this.#server.close(() => resolve());
      this.#server.closeAllConnections();
    });
    if (this.options.ownsDataDir) await rm(this.git.dataDir, { recursive: true, force: true });
  }
}
