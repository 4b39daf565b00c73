import { describe, expect, it } from '@jest/globals';
import type { ChangelogWarning } from '../../../src/changelog/index.js';
import { describeWarning, summariseWarnings } from '../../../src/changelog/index.js';

const unclassified = (i: number): ChangelogWarning => ({
  kind: 'unclassified',
  sha: `${i}`.padStart(40, '0'),
  subject: `tidy things up ${i}`,
});

const unknownType = (type: string, i: number): ChangelogWarning => ({
  kind: 'unknown-type',
  sha: `${i}`.padStart(40, '0'),
  subject: `${type}: something ${i}`,
  type,
});

describe('summariseWarnings, shared by the CLI and the Action', () => {
  it('shows every warning when there are few', () => {
    const warnings = [unclassified(1), unknownType('research', 2)];
    expect(summariseWarnings(warnings)).toEqual({
      lines: warnings.map(describeWarning),
      omitted: 0,
    });
  });

  it('shows the first five of a kind, then counts the rest in a line that names the kind', () => {
    const warnings = Array.from({ length: 3000 }, (_, i) => unclassified(i));
    const { lines, omitted } = summariseWarnings(warnings);
    expect(lines.slice(0, 5)).toEqual(warnings.slice(0, 5).map(describeWarning));
    expect(lines.slice(5)).toEqual(['… and 2,995 more like this (subjects with no change type)']);
    expect(omitted).toBe(2995);
  });

  it('takes each unknown type for a kind of its own, so every type to map is seen', () => {
    const warnings = [
      ...Array.from({ length: 7 }, (_, i) => unknownType('research', i)),
      unknownType('spike2', 99),
    ];
    const { lines } = summariseWarnings(warnings);
    expect(lines).toHaveLength(7);
    expect(lines[5]).toBe('… and 2 more like this (subjects of the unknown type "research")');
    expect(lines[6]).toContain('unknown type "spike2"');
  });
});
