import { randomBytes } from 'node:crypto';
import type { Account, App } from '../world/types.js';
import type { AuthorizationCode, AuthorizationRequest, UserAccessToken } from './types.js';

/** Codes (and the authorize form) last 10 minutes; tokens 8 hours; refresh tokens 6 months. */
export const codeLifetimeMs = 10 * 60 * 1000;
export const tokenLifetimeSeconds = 28_800;
export const refreshTokenLifetimeSeconds = 15_897_600;

const base62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** GitHub's token shape: a prefix, then base62 (36 characters for `ghu_`, 76 for `ghr_`). */
function tokenOf(prefix: string, length: number): string {
  const bytes = randomBytes(length);
  return prefix + Array.from(bytes, (byte) => base62[byte % base62.length]).join('');
}

/**
 * The web flow's state: pending authorize pages, one-time codes, user access tokens and which
 * users have authorized which apps. Lifetimes use real time, like installation tokens, because
 * clients schedule refreshes by their own clock; `now` can be moved by a test to expire things.
 */
export class OAuthStore {
  now: () => number = () => Date.now();
  readonly #requests = new Map<string, AuthorizationRequest>();
  readonly #codes = new Map<string, AuthorizationCode>();
  readonly #tokens = new Map<string, UserAccessToken>();
  readonly #refreshTokens = new Map<string, UserAccessToken>();
  readonly #authorized = new Set<string>();

  openRequest(input: Omit<AuthorizationRequest, 'id' | 'expiresAt'>): AuthorizationRequest {
    const request = {
      ...input,
      id: randomBytes(16).toString('hex'),
      expiresAt: this.now() + codeLifetimeMs,
    };
    this.#requests.set(request.id, request);
    return request;
  }

  /** The pending request, once: a form answered twice (or too late) finds nothing. */
  takeRequest(id: string): AuthorizationRequest | undefined {
    const request = this.#requests.get(id);
    this.#requests.delete(id);
    return request && request.expiresAt > this.now() ? request : undefined;
  }

  recordAuthorization(appId: number, account: Account): void {
    this.#authorized.add(`${appId}:${account.id}`);
  }

  hasAuthorized(appId: number, account: Account): boolean {
    return this.#authorized.has(`${appId}:${account.id}`);
  }

  issueCode(input: Omit<AuthorizationCode, 'code' | 'expiresAt'>): AuthorizationCode {
    const code = {
      ...input,
      code: randomBytes(10).toString('hex'),
      expiresAt: this.now() + codeLifetimeMs,
    };
    this.#codes.set(code.code, code);
    return code;
  }

  /** A code that `appId` may still redeem: not expired, not used, issued to that app. */
  findCode(code: string, appId: number): AuthorizationCode | undefined {
    const found = this.#codes.get(code);
    if (found && found.expiresAt <= this.now()) this.#codes.delete(code);
    return found && found.appId === appId && found.expiresAt > this.now() ? found : undefined;
  }

  consumeCode(code: AuthorizationCode): void {
    this.#codes.delete(code.code);
  }

  issueToken(app: App, account: Account, repositoryId: number | null): UserAccessToken {
    const expiring = app.oauth.expireUserTokens;
    const now = this.now();
    const token: UserAccessToken = {
      token: tokenOf('ghu_', 36),
      appId: app.id,
      account,
      expiresAt: expiring ? now + tokenLifetimeSeconds * 1000 : null,
      refreshToken: expiring ? tokenOf('ghr_', 76) : null,
      refreshExpiresAt: expiring ? now + refreshTokenLifetimeSeconds * 1000 : null,
      repositoryId,
      revoked: false,
    };
    this.#tokens.set(token.token, token);
    if (token.refreshToken) this.#refreshTokens.set(token.refreshToken, token);
    return token;
  }

  /** A live token: known, not revoked, not expired. */
  findToken(token: string): UserAccessToken | undefined {
    const found = this.#tokens.get(token);
    if (!found || found.revoked) return undefined;
    return found.expiresAt === null || found.expiresAt > this.now() ? found : undefined;
  }

  /** "Once you use a refresh token, that refresh token and the old user access token will no longer work." */
  refresh(app: App, refreshToken: string): UserAccessToken | undefined {
    const old = this.#refreshTokens.get(refreshToken);
    if (!old || old.appId !== app.id || (old.refreshExpiresAt ?? 0) <= this.now()) return undefined;
    this.#refreshTokens.delete(refreshToken);
    old.revoked = true;
    return this.issueToken(app, old.account, old.repositoryId);
  }

  /** `DELETE /applications/{client_id}/token`: this one token (and its refresh token) stops working. */
  revokeToken(appId: number, token: string): boolean {
    const found = this.findToken(token);
    if (!found || found.appId !== appId) return false;
    found.revoked = true;
    if (found.refreshToken) this.#refreshTokens.delete(found.refreshToken);
    return true;
  }

  /** The user revokes the app's authorization: every token it holds for them stops working. */
  revokeAuthorization(appId: number, account: Account): number {
    this.#authorized.delete(`${appId}:${account.id}`);
    let revoked = 0;
    for (const token of this.#tokens.values()) {
      if (token.appId !== appId || token.account !== account || token.revoked) continue;
      token.revoked = true;
      if (token.refreshToken) this.#refreshTokens.delete(token.refreshToken);
      revoked += 1;
    }
    return revoked;
  }
}
