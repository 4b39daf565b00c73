import { describe, expect, it } from '@jest/globals';
import { githubLimits, queueCheckRunActions } from '../../../src/messages/index.js';

describe('the Sluice check run buttons', () => {
  const all = [...queueCheckRunActions('active'), ...queueCheckRunActions('failed')];

  it('offer Dequeue while queued and Retry after a failure', () => {
    expect(queueCheckRunActions('active').map((a) => a.label)).toEqual(['Dequeue']);
    expect(queueCheckRunActions('failed').map((a) => a.label)).toEqual(['Retry']);
    expect(queueCheckRunActions('finished')).toEqual([]);
  });

  it.each(all)('$label fits GitHub’s limits on labels, descriptions and identifiers', (action) => {
    expect(action.label.length).toBeLessThanOrEqual(githubLimits.actionLabel);
    expect(action.description.length).toBeLessThanOrEqual(githubLimits.actionDescription);
    expect(action.identifier.length).toBeLessThanOrEqual(githubLimits.actionIdentifier);
  });
});
