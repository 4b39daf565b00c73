import type { Account, App, Installation, Permissions, RepoState } from '../world/types.js';
import type { Services } from '../world/services.js';
import type { UserToServer } from '../oauth/types.js';

export type Caller =
  | { kind: 'app'; app: App }
  /**
   * A person with a personal access token (the harness's "developer" using the API), or with
   * an app's user access token (`viaApp`): then also bounded by what the app may do.
   */
  | { kind: 'user'; account: Account; viaApp?: UserToServer }
  | {
      kind: 'installation';
      app: App;
      installation: Installation;
      /** The bot user the installation acts as (`<slug>[bot]`). */
      actor: Account;
      /** What this token may do: the installation's permissions, possibly narrowed at issue. */
      permissions: Permissions;
    };

export interface HandlerContext extends Services {
  operationId: string;
  /** Path parameters, already percent-decoded. */
  params: Record<string, string>;
  /** Query parameters, coerced by their spec schema. */
  query: Record<string, unknown>;
  /** The JSON body, validated against the spec's requestBody. */
  body: Record<string, unknown>;
  caller: Caller;
  /** The repository named by `{owner}/{repo}`, resolved and access-checked; absent for other paths. */
  repo: RepoState | undefined;
  url: URL;
  /** The request headers: `Accept` selects GitHub's custom media types (raw file contents). */
  headers: Headers;
  /** Call between reading and writing a ref: runs an injected race (another push) if one is armed. */
  race(): Promise<void>;
}

export interface HandlerResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type Handler = (ctx: HandlerContext) => Promise<HandlerResult>;

/** Handlers keyed by the spec's operationId. */
export type HandlerTable = Record<string, Handler>;

export function requireRepo(ctx: HandlerContext): RepoState {
  if (!ctx.repo) throw new Error(`${ctx.operationId}: handler needs a repository path`);
  return ctx.repo;
}

export function requireInstallation(
  ctx: HandlerContext,
): Extract<Caller, { kind: 'installation' }> {
  if (ctx.caller.kind !== 'installation')
    throw new Error(`${ctx.operationId}: needs an installation token`);
  return ctx.caller;
}

/** The app behind an app-JWT call (the pipeline only lets JWTs reach app operations). */
export function requireApp(ctx: HandlerContext): App {
  if (ctx.caller.kind !== 'app') throw new Error(`${ctx.operationId}: needs an app JWT`);
  return ctx.caller.app;
}
