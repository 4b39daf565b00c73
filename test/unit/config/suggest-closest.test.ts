import { describe, expect, it } from '@jest/globals';
import { suggestClosest } from '../../../src/config/suggest-closest.js';
import { formatKeyPath } from '../../../src/config/format-key-path.js';

describe('suggestClosest', () => {
  const keys = ['label', 'minimumPermission', 'requiredApprovals', 'onPush', 'stagingBranchPrefix'];

  it.each([
    ['lable', 'label'],
    ['Label', 'label'],
    ['required-approvals', 'requiredApprovals'],
    ['required_approvals', 'requiredApprovals'],
    ['requiredApproval', 'requiredApprovals'],
    ['on_push', 'onPush'],
    ['minimum_permissions', 'minimumPermission'],
  ])('suggests %s → %s', (written, expected) => {
    expect(suggestClosest(written, keys)).toBe(expected);
  });

  it.each(['colour', 'x', '', 'k'.repeat(500)])('suggests nothing for %j', (written) => {
    expect(suggestClosest(written, keys)).toBeUndefined();
  });
});

describe('formatKeyPath', () => {
  it('writes paths the way the reference spells them', () => {
    expect(formatKeyPath(['gates', 'rules', 0, 'class'])).toBe('gates.rules[0].class');
    expect(formatKeyPath(['queue', '<<'])).toBe('queue["<<"]');
    expect(formatKeyPath([])).toBe('');
  });
});
