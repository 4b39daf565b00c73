import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { AnchorAutomaton } from '../../../src/gates/anchor-automaton.js';
import { cleanTerminalText } from '../../../src/gates/clean-terminal-text.js';

const anchors = [
  'error',
  'error[E',
  'rror: c',
  'FAIL',
  'FAILED',
  'Diff in ',
  'ab',
  'bc',
  '✖',
  '冲突',
];
const automaton = new AnchorAutomaton(anchors);

function found(text: string): string[] {
  const count = automaton.scan(text);
  return Array.from(automaton.hits.subarray(0, count), (i) => anchors[i]!).sort();
}

function naive(text: string): string[] {
  return anchors.filter((anchor) => text.includes(anchor)).sort();
}

const colour = fc.constantFrom(
  '\x1b[31m',
  '\x1b[0m',
  '\x1b[1;92m',
  '\x1b]8;;https://x\x07',
  '\x1b[K',
  '\x1b',
  '\x1b[',
);
const fragment = fc.oneof(
  fc.constantFrom(...anchors, ' ', 'r', 'ED', ':', 'x'),
  colour,
  fc.string({ maxLength: 3 }),
);

describe('AnchorAutomaton', () => {
  it('finds overlapping anchors and anchors that end inside longer ones', () => {
    expect(found('abc')).toEqual(['ab', 'bc']);
    expect(found('error[E0425]: x')).toEqual(['error', 'error[E']);
    expect(found('test b ... FAILED')).toEqual(['FAIL', 'FAILED']);
    expect(found('CONFLIT 冲突 ✖')).toEqual(['✖', '冲突']);
    expect(found('all good')).toEqual([]);
  });

  it('finds exactly the anchors a substring search finds', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...anchors), fc.string({ maxLength: 4 }))),
        (parts) => {
          const text = parts.join('');
          expect(found(text)).toEqual(naive(text));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('sees through colour codes exactly as the cleaned text reads', () => {
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 12 }), (parts) => {
        const raw = parts.join('');
        expect(found(raw)).toEqual(naive(cleanTerminalText(raw)));
      }),
      { numRuns: 1000 },
    );
  });
});
