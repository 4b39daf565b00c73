import { describe, expect, it } from '@jest/globals';
import { RepoCache, defaultCacheTtl } from '../../../src/reconcile/repo-cache.js';
import type { ObservedPull } from '../../../src/queue/types.js';
import { aPull } from '../queue/builders.js';

const pull = (headSha: string): ObservedPull => aPull({ number: 7, headSha });

describe('a PR as its webhook carried it', () => {
  const cache = () => new RepoCache(defaultCacheTtl, () => 0);

  it('is held as a read would be, so queueing it by label costs no read', () => {
    const c = cache();
    c.rememberPullFromEvent(pull('a1'), '2030-01-01T10:00:00Z');
    expect(c.pull(7)?.pull).toEqual(pull('a1'));
  });

  it('never sets the base tip: the payload does not carry it', () => {
    const c = cache();
    c.rememberBase('main', 'b1');
    c.rememberPullFromEvent(pull('a1'), '2030-01-01T10:00:00Z');
    expect(c.base('main')).toBe('b1');
    // Nor does a copy of it handed back, as a landing does with the head it moved.
    c.rememberPull(c.pull(7)!);
    expect(c.base('main')).toBe('b1');
  });

  it('is not kept when a newer event about the PR came first (deliveries overtake)', () => {
    const c = cache();
    // A push at 10:05 is processed before the label event of 10:00.
    c.notePullEvent(7, { updatedAt: '2030-01-01T10:05:00Z', headSha: 'a2' });
    c.rememberPullFromEvent(pull('a1'), '2030-01-01T10:00:00Z');
    expect(c.pull(7)).toBeUndefined();
    c.rememberPullFromEvent(pull('a2'), '2030-01-01T10:06:00Z');
    expect(c.pull(7)?.pull.headSha).toBe('a2');
  });

  it('in the same second as the newest event, is kept only with the same head', () => {
    const c = cache();
    // Opened and labeled at once (`gh pr create --label`): one head, one second.
    c.notePullEvent(7, { updatedAt: '2030-01-01T10:00:00Z', headSha: 'a1' });
    c.rememberPullFromEvent(pull('a1'), '2030-01-01T10:00:00Z');
    expect(c.pull(7)?.pull.headSha).toBe('a1');
    // A push in that second, delivered first: which came last cannot be told, so it is read.
    c.notePullEvent(8, { updatedAt: '2030-01-01T10:00:00Z', headSha: 'b2' });
    c.rememberPullFromEvent({ ...pull('b1'), number: 8 }, '2030-01-01T10:00:00Z');
    expect(c.pull(8)).toBeUndefined();
  });

  it('is dropped by any later event about the PR', () => {
    const c = cache();
    c.rememberPullFromEvent(pull('a1'), '2030-01-01T10:00:00Z');
    c.notePullEvent(7, { updatedAt: '2030-01-01T10:01:00Z', headSha: 'a1' });
    expect(c.pull(7)).toBeUndefined();
    c.rememberPullFromEvent(pull('a1'), '2030-01-01T10:00:30Z');
    expect(c.pull(7)).toBeUndefined();
  });

  it('expires like a read, and a sweep empties it', () => {
    let now = 0;
    const c = new RepoCache(defaultCacheTtl, () => now);
    c.rememberPullFromEvent(pull('a1'), '2030-01-01T10:00:00Z');
    now = defaultCacheTtl.pullsMs;
    expect(c.pull(7)).toBeUndefined();
    now = 0;
    c.rememberPullFromEvent(pull('a1'), '2030-01-01T10:01:00Z');
    c.clearForSweep();
    expect(c.pull(7)).toBeUndefined();
  });
});
