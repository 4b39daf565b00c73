import { describe, expect, it } from '@jest/globals';
import { configOf, located, onlyErrorOf, yaml } from './sluice-yml.js';

describe('queue.priority and queue.freeze', () => {
  it('reads priority labels and whether a higher priority interrupts a staging', () => {
    const config = configOf(yaml`
      queue:
        priority:
          labels:
            high: merge-queue:high
          interrupt: true
    `);
    expect(config.queue.priority).toEqual({
      labels: { high: 'merge-queue:high', low: null },
      interrupt: true,
    });
  });

  it('reads a freeze reason, trimmed; without one the queue runs', () => {
    const frozen = configOf(yaml`
      queue:
        freeze:
          reason: '  release 2.4 is being cut '
    `);
    expect(frozen.queue.freeze).toEqual({ reason: 'release 2.4 is being cut' });
    expect(configOf('queue:\n  freeze: {}\n').queue.freeze).toEqual({ reason: null });
  });

  it('refuses `freeze: true`: a frozen queue must say why', () => {
    expect(located(onlyErrorOf('queue:\n  freeze: true\n'))).toMatchObject({
      keyPath: 'queue.freeze',
      kind: 'wrong-type',
      line: 2,
    });
  });

  it('refuses a priority label for a priority that has none', () => {
    const error = onlyErrorOf(yaml`
      queue:
        priority:
          labels:
            urgent: merge-queue:urgent
    `);
    expect(located(error)).toMatchObject({ keyPath: 'queue.priority.labels.urgent', line: 4 });
  });
});
