import type { Account, App, Installation } from '../world/types.js';

/** An authorize page that was shown and not yet answered: the POST of its form names it. */
export interface AuthorizationRequest {
  id: string;
  appId: number;
  /** Where the answer goes: the `redirect_uri` asked for, or the app's first callback URL. */
  redirectUri: string;
  state: string | null;
  expiresAt: number;
}

/** A one-time code handed to the callback URL, redeemed at `POST /login/oauth/access_token`. */
export interface AuthorizationCode {
  code: string;
  appId: number;
  account: Account;
  redirectUri: string;
  expiresAt: number;
}

/** A user access token (`ghu_…`): the user's rights, narrowed to what the app may do. */
export interface UserAccessToken {
  token: string;
  appId: number;
  account: Account;
  /** Epoch ms; `null` when the app opted out of expiring user tokens. */
  expiresAt: number | null;
  refreshToken: string | null;
  refreshExpiresAt: number | null;
  /** The `repository_id` the token was narrowed to at the exchange, if any. */
  repositoryId: number | null;
  revoked: boolean;
}

/**
 * A user access token on a caller: the app it acts through and, once the request's repository
 * is resolved, the installation that covers it (whose permissions bound what the token does).
 */
export interface UserToServer {
  app: App;
  token: UserAccessToken;
  installation?: Installation;
}

/** What an OAuth endpoint answered, with the parameters it read (for the request log). */
export interface OAuthServed {
  response: Response;
  params: Record<string, string>;
}
