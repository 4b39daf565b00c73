import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { parseCookie, stringifySetCookie } from 'cookie';
import { sameSecret } from '../runtime/same-secret.js';
import type { Sealer } from './seal.js';

/** A signed-in person: who, their user-to-server token, and the CSRF token of their forms. */
export interface Session {
  login: string;
  userId: number;
  token: string;
  csrf: string;
  expiresAt: Date;
}

/** The sign-in in flight: the `state` GitHub must send back, and where to go afterwards. */
export interface PendingSignIn {
  state: string;
  returnTo: string;
}

const sessionCookie = 'sluice_session';
const signInCookie = 'sluice_sign_in';
/** A working day; GitHub's user tokens last 8 hours, and the session never outlives its token. */
export const sessionLifetimeMs = 8 * 60 * 60_000;
const signInLifetimeMs = 10 * 60_000;

export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

function cookies(req: IncomingMessage): Record<string, string | undefined> {
  return parseCookie(req.headers.cookie ?? '');
}

/**
 * Cookies are HttpOnly (no script reads them), scoped to `/sluice`, Secure behind https, and
 * SameSite=Lax: sent on the top-level navigation back from GitHub's authorize page (Strict would
 * drop it on that redirect chain), withheld from cross-site POSTs, which the CSRF token refuses
 * anyway.
 */
function setCookie(name: string, value: string, maxAgeMs: number, secure: boolean): string {
  return stringifySetCookie({
    name,
    value,
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/sluice',
    maxAge: Math.max(0, Math.floor(maxAgeMs / 1000)),
  });
}

export class Sessions {
  constructor(
    private readonly sealer: Sealer,
    private readonly secure: boolean,
  ) {}

  read(req: IncomingMessage, now: Date): Session | undefined {
    const value = this.sealer.open('session', cookies(req)[sessionCookie], now);
    if (!isSessionJson(value)) return undefined;
    return { ...value, expiresAt: new Date(value.expiresAt) };
  }

  start(
    user: { login: string; id: number; token: string; tokenExpiresAt: Date | null },
    now: Date,
  ): { session: Session; cookie: string } {
    const limit = now.getTime() + sessionLifetimeMs;
    const expiresAt = new Date(Math.min(limit, user.tokenExpiresAt?.getTime() ?? limit));
    const session: Session = {
      login: user.login,
      userId: user.id,
      token: user.token,
      csrf: randomToken(),
      expiresAt,
    };
    const sealed = this.sealer.seal(
      'session',
      { ...session, expiresAt: expiresAt.getTime() },
      expiresAt,
    );
    return {
      session,
      cookie: setCookie(sessionCookie, sealed, expiresAt.getTime() - now.getTime(), this.secure),
    };
  }

  end(): string {
    return setCookie(sessionCookie, '', 0, this.secure);
  }

  beginSignIn(returnTo: string, now: Date): { pending: PendingSignIn; cookie: string } {
    const pending = { state: randomToken(), returnTo };
    const expiresAt = new Date(now.getTime() + signInLifetimeMs);
    const sealed = this.sealer.seal('sign-in', pending, expiresAt);
    return { pending, cookie: setCookie(signInCookie, sealed, signInLifetimeMs, this.secure) };
  }

  /** The pending sign-in whose state GitHub sent back, once: the cookie is cleared with it. */
  finishSignIn(
    req: IncomingMessage,
    state: string | null,
    now: Date,
  ): { pending: PendingSignIn | undefined; cookie: string } {
    const value = this.sealer.open('sign-in', cookies(req)[signInCookie], now);
    const cookie = setCookie(signInCookie, '', 0, this.secure);
    const pending =
      isPendingJson(value) && state && sameSecret(value.state, state) ? value : undefined;
    return { pending, cookie };
  }
}

function isSessionJson(
  value: unknown,
): value is Omit<Session, 'expiresAt'> & { expiresAt: number } {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.login === 'string' &&
    typeof v.userId === 'number' &&
    typeof v.token === 'string' &&
    typeof v.csrf === 'string' &&
    typeof v.expiresAt === 'number'
  );
}

function isPendingJson(value: unknown): value is PendingSignIn {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.state === 'string' && typeof v.returnTo === 'string';
}
