import type { MutationIntent, NewEntry, NewStaging } from '../../../../src/store/types.js';

const start = Date.parse('2030-01-01T00:00:00.000Z');

/** A fixed clock: `minute(5)` is five minutes after the start of every test's world. */
export function minute(n: number): Date {
  return new Date(start + n * 60_000);
}

export function anEntry(overrides: Partial<NewEntry> = {}): NewEntry {
  const number = overrides.number ?? 1;
  return {
    repo: 'octo/widgets',
    base: 'main',
    number,
    headSha: `head-${number}`,
    queuedBy: 'mona',
    now: minute(0),
    ...overrides,
  };
}

export function aStaging(overrides: Partial<NewStaging> = {}): NewStaging {
  return {
    repo: 'octo/widgets',
    base: 'main',
    baseSha: 'base-1',
    prs: [],
    ref: 'sluice/staging/main',
    now: minute(0),
    ...overrides,
  };
}

export function anIntent(
  overrides: Partial<MutationIntent & { now: Date }> = {},
): MutationIntent & { now: Date } {
  return {
    repo: 'octo/widgets',
    kind: 'update-ref',
    target: 'heads/main',
    expectedOld: 'base-1',
    newValue: 'staging-1',
    idempotencyKey: 'land:1:staging-1',
    now: minute(0),
    ...overrides,
  };
}
