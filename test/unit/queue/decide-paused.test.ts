import { describe, expect, it } from '@jest/globals';
import { decide } from '../../../src/queue/decide.js';
import type { QueuePause } from '../../../src/queue/types.js';
import {
  aCommand,
  anEntry,
  aPull,
  aSnapshot,
  aStaging,
  failingCheck,
  kinds,
  passing,
  queued,
  serialConfig,
} from './builders.js';

const serial = serialConfig();
const frozen: QueuePause = { reason: 'release 2.4 is being cut', by: { kind: 'config' } };
const byOperator: QueuePause = { reason: 'incident 42', by: { kind: 'operator', login: 'ops' } };

describe('decide: a paused queue', () => {
  it.each([
    ['frozen by the config', frozen],
    ['paused by an operator', byOperator],
  ])('%s starts no staging; unpaused, the same queue does', (_name, paused) => {
    const waiting = { ...queued(1, 2) };
    expect(decide(aSnapshot({ ...waiting, paused }, serial))).toEqual([]);
    expect(kinds(decide(aSnapshot(waiting, serial)))).toEqual(['build-staging']);
  });

  it('lands nothing, though the staging passed; unpaused, it lands', () => {
    const testing = {
      pulls: [aPull()],
      entries: [anEntry({ state: 'testing' })],
      stagings: [aStaging({ checks: passing() })],
    };
    expect(decide(aSnapshot({ ...testing, paused: frozen }, serial))).toEqual([]);
    expect(kinds(decide(aSnapshot(testing, serial)))).toEqual(['land']);
  });

  it('finishes a landing already under way: its writes may be half done', () => {
    const snapshot = aSnapshot(
      {
        pulls: [aPull()],
        entries: [anEntry({ state: 'landing' })],
        stagings: [aStaging({ state: 'landing', checks: passing() })],
        paused: frozen,
      },
      serial,
    );
    expect(kinds(decide(snapshot))).toEqual(['land']);
  });

  it('still takes requests and judges what CI reports', () => {
    const snapshot = aSnapshot(
      {
        pulls: [aPull({ number: 1 }), aPull({ number: 2 })],
        entries: [anEntry({ pr: 1, state: 'testing' })],
        stagings: [aStaging({ prs: [1], checks: failingCheck() })],
        commands: [aCommand({ pr: 2, id: 'cmd-2' })],
        paused: frozen,
      },
      serial,
    );
    expect(kinds(decide(snapshot))).toEqual(['enqueue', 'classify-failures']);
  });
});
