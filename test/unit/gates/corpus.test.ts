import { describe, expect, it } from '@jest/globals';
import { createGateScanner, gateClasses, type GateClass } from '../../../src/gates/index.js';
import { readCorpusIndex, readCorpusLog, type CorpusCase } from './corpus.js';

interface Outcome {
  entry: CorpusCase;
  got: GateClass;
}

function classifyInChunks(entry: CorpusCase): GateClass {
  const bytes = readCorpusLog(entry.file);
  const scanner = createGateScanner({ check: entry.check_name });
  for (let offset = 0; offset < bytes.length; offset += 4096) {
    scanner.push(bytes.subarray(offset, offset + 4096));
  }
  return scanner.finish().class;
}

function confusionTable(outcomes: readonly Outcome[]): string {
  const header = ['want \\ got', ...gateClasses].map((c) => c.padStart(9)).join('');
  const rows = gateClasses.map((want) => {
    const cells = gateClasses.map((got) => {
      const n = outcomes.filter((o) => o.entry.class === want && o.got === got).length;
      return String(n === 0 ? '.' : n).padStart(9);
    });
    return `${want.padStart(9)}${cells.join('')}`;
  });
  return [header, ...rows].join('\n');
}

function score(outcomes: readonly Outcome[]): string {
  const right = outcomes.filter((o) => o.got === o.entry.class).length;
  return `${right}/${outcomes.length}`;
}

const outcomes: Outcome[] = readCorpusIndex().map((entry) => ({
  entry,
  got: classifyInChunks(entry),
}));
const misses = outcomes.filter((o) => o.got !== o.entry.class);

describe('the gate corpus', () => {
  it('is classified with at most one miss, printing the confusion table', () => {
    const given = outcomes.filter((o) => o.entry.source !== 'written');
    const written = outcomes.filter((o) => o.entry.source === 'written');
    console.log(
      [
        `gate corpus: ${score(outcomes)} right (shared set ${score(given)}, written here ${score(written)})`,
        confusionTable(outcomes),
        ...misses.map((m) => `miss: ${m.entry.file} want ${m.entry.class}, got ${m.got}`),
      ].join('\n'),
    );
    expect(misses.length).toBeLessThanOrEqual(1);
  });

  it('gets every adversarial case right', () => {
    const wrong = misses.filter((m) => m.entry.adversarial).map((m) => m.entry.file);
    expect(wrong).toEqual([]);
  });

  it('has cases of every class, so the table means something', () => {
    const classes = new Set(outcomes.map((o) => o.entry.class));
    expect([...classes].sort()).toEqual([...gateClasses].sort());
  });
});
