import { describe, expect, it } from '@jest/globals';
import {
  checkRunExternalId,
  pullNumberOfExternalId,
} from '../../../../src/reconcile/outbox/check-run-external-id.js';

describe('the Sluice check run’s external id', () => {
  const head = 'a'.repeat(40);

  it('names the PR and its head, and reads the PR back from it', () => {
    const id = checkRunExternalId({ repo: 'acme/widgets', number: 12, headSha: head });
    expect(id).toBe(`acme/widgets#12@${head}`);
    expect(pullNumberOfExternalId(id)).toBe(12);
  });

  it('still reads runs created before the head was part of it', () => {
    expect(pullNumberOfExternalId('acme/widgets#7')).toBe(7);
  });

  it('reads nothing from ids that are not ours', () => {
    for (const id of [null, undefined, '', 'acme/widgets', 'acme/widgets#x', '#0', 'a#1@short'])
      expect(pullNumberOfExternalId(id)).toBeUndefined();
  });
});
