import { describe, expect, it } from '@jest/globals';
import type { IncomingMessage } from 'node:http';
import { Sealer } from '../../../src/web/seal.js';
import { sameSecret as sameToken } from '../../../src/runtime/same-secret.js';
import { Sessions, sessionLifetimeMs } from '../../../src/web/sessions.js';

const now = new Date('2026-12-05T12:00:00Z');
const sessions = new Sessions(new Sealer('s'.repeat(40)), true);

/** A request carrying the cookies a Set-Cookie header list set. */
function requestWith(...setCookies: string[]): IncomingMessage {
  const cookie = setCookies.map((c) => c.split(';')[0]).join('; ');
  return { headers: { cookie } } as IncomingMessage;
}

const alice = { login: 'alice', id: 7, token: 'ghu_alice' };

describe('Sessions', () => {
  it('reads back the session it started, with a CSRF token, until it expires', () => {
    const { session, cookie } = sessions.start({ ...alice, tokenExpiresAt: null }, now);
    expect(cookie).toMatch(/^sluice_session=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/Path=\/sluice/);
    expect(session.csrf.length).toBeGreaterThanOrEqual(40);
    expect(sessions.read(requestWith(cookie), now)).toEqual(session);
    const later = new Date(now.getTime() + sessionLifetimeMs);
    expect(sessions.read(requestWith(cookie), later)).toBeUndefined();
  });

  it('never outlives the GitHub token it holds', () => {
    const tokenExpiresAt = new Date(now.getTime() + 60 * 60_000);
    const { session, cookie } = sessions.start({ ...alice, tokenExpiresAt }, now);
    expect(session.expiresAt).toEqual(tokenExpiresAt);
    expect(sessions.read(requestWith(cookie), tokenExpiresAt)).toBeUndefined();
  });

  it('finishes a sign-in only with the state it began with, and clears it', () => {
    const { pending, cookie } = sessions.beginSignIn('/sluice/repos/acme/widgets', now);
    const wrong = sessions.finishSignIn(requestWith(cookie), 'another-state', now);
    expect(wrong.pending).toBeUndefined();
    const right = sessions.finishSignIn(requestWith(cookie), pending.state, now);
    expect(right.pending).toEqual(pending);
    expect(right.cookie).toMatch(/^sluice_sign_in=;.*Max-Age=0/);
    const stale = new Date(now.getTime() + 11 * 60_000);
    expect(
      sessions.finishSignIn(requestWith(cookie), pending.state, stale).pending,
    ).toBeUndefined();
  });

  it('does not take a sign-in cookie for a session, or the other way round', () => {
    const signIn = sessions
      .beginSignIn('/sluice/', now)
      .cookie.replace('sluice_sign_in', 'sluice_session');
    expect(sessions.read(requestWith(signIn), now)).toBeUndefined();
  });
});

describe('sameToken', () => {
  it('compares exactly, and refuses a missing token', () => {
    expect(sameToken('abc', 'abc')).toBe(true);
    expect(sameToken('abc', 'abd')).toBe(false);
    expect(sameToken('abc', 'ab')).toBe(false);
    expect(sameToken('abc', null)).toBe(false);
    expect(sameToken('abc', undefined)).toBe(false);
  });
});
