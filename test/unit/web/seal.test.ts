import { describe, expect, it } from '@jest/globals';
import { Sealer } from '../../../src/web/seal.js';

const secret = 'a'.repeat(40);
const now = new Date('2026-12-05T12:00:00Z');
const later = new Date('2026-12-05T13:00:00Z');

describe('Sealer', () => {
  it('opens what it sealed, for the same purpose, until it expires', () => {
    const sealer = new Sealer(secret);
    const sealed = sealer.seal('session', { login: 'alice' }, later);
    expect(sealer.open('session', sealed, now)).toEqual({ login: 'alice' });
    expect(sealer.open('session', sealed, later)).toBeUndefined();
  });

  it('does not open a value sealed for another purpose or with another secret', () => {
    const sealed = new Sealer(secret).seal('sign-in', { state: 'x' }, later);
    expect(new Sealer(secret).open('session', sealed, now)).toBeUndefined();
    expect(new Sealer('b'.repeat(40)).open('sign-in', sealed, now)).toBeUndefined();
  });

  it('does not open a value with one byte changed', () => {
    const sealer = new Sealer(secret);
    const bytes = Buffer.from(sealer.seal('session', { login: 'alice' }, later), 'base64url');
    const last = bytes.length - 1;
    bytes.writeUInt8(bytes.readUInt8(last) ^ 1, last);
    expect(sealer.open('session', bytes.toString('base64url'), now)).toBeUndefined();
    expect(sealer.open('session', 'not sealed at all', now)).toBeUndefined();
    expect(sealer.open('session', undefined, now)).toBeUndefined();
  });

  it('refuses a short secret', () => {
    expect(() => new Sealer('short')).toThrow(/at least 32/);
  });
});
