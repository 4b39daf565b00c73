import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { classifyGateLog, createGateScanner, type GateVerdict } from '../../../src/gates/index.js';
import { readCorpusIndex, readCorpusLog } from './corpus.js';
import { aFailingStep, anActionsLog, aPassingStep, stripDecorations } from './log-builders.js';
import { formatterAndLinterLines, testRunnerTemplates } from './test-runner-templates.js';

const runner = fc.constantFrom(...testRunnerTemplates);
const quotedLines = fc.array(fc.constantFrom(...formatterAndLinterLines), {
  minLength: 1,
  maxLength: 6,
});
const corpusFiles = readCorpusIndex().map((entry) => entry.file);

function testRunLog(
  template: (typeof testRunnerTemplates)[number],
  message: readonly string[],
  passing: readonly string[] = [],
): string {
  return anActionsLog([
    aPassingStep('npm run build', passing),
    aFailingStep(template.command, template.output(['expected 1 line, got:', ...message])),
  ]);
}

function essentials(verdict: GateVerdict): Pick<GateVerdict, 'class' | 'signature'> {
  return { class: verdict.class, signature: verdict.signature };
}

describe('properties of the classifier', () => {
  it("keeps a test verdict when a test's failure message quotes formatter or linter output", () => {
    fc.assert(
      fc.property(runner, quotedLines, (template, quoted) => {
        const baseline = classifyGateLog(testRunLog(template, []));
        expect(baseline.class).toBe('test');
        expect(essentials(classifyGateLog(testRunLog(template, quoted)))).toEqual(
          essentials(baseline),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('keeps a test verdict when a step that passed printed formatter or linter output', () => {
    fc.assert(
      fc.property(runner, quotedLines, (template, quoted) => {
        const baseline = classifyGateLog(testRunLog(template, []));
        expect(essentials(classifyGateLog(testRunLog(template, [], quoted)))).toEqual(
          essentials(baseline),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same verdict once ANSI colours and runner timestamps are stripped', () => {
    fc.assert(
      fc.property(fc.constantFrom(...corpusFiles), (file) => {
        const log = readCorpusLog(file).toString('utf8');
        const { annotations: _a, ...original } = classifyGateLog(log);
        const { annotations: _b, ...stripped } = classifyGateLog(stripDecorations(log));
        expect(stripped).toEqual(original);
      }),
      { numRuns: corpusFiles.length * 2 },
    );
  });

  it('gives the same verdict whatever the chunk sizes a log is streamed in', () => {
    const chunkSizes = fc.array(fc.integer({ min: 1, max: 700 }), { minLength: 1, maxLength: 40 });
    fc.assert(
      fc.property(fc.constantFrom(...corpusFiles), chunkSizes, (file, sizes) => {
        const bytes = readCorpusLog(file);
        const scanner = createGateScanner();
        for (let offset = 0, i = 0; offset < bytes.length; i++) {
          const size = sizes[i % sizes.length]!;
          scanner.push(bytes.subarray(offset, offset + size));
          offset += size;
        }
        expect(scanner.finish()).toEqual(classifyGateLog(bytes));
      }),
      { numRuns: 200 },
    );
  });

  it('classifies logs with arbitrary non-UTF-8 bytes without failing', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...corpusFiles),
        fc.uint8Array({ maxLength: 400 }),
        fc.nat(),
        (file, noise, at) => {
          const bytes = readCorpusLog(file);
          const cut = at % (bytes.length + 1);
          const log = Buffer.concat([bytes.subarray(0, cut), noise, bytes.subarray(cut)]);
          expect(typeof classifyGateLog(log).class).toBe('string');
        },
      ),
      { numRuns: 200 },
    );
  });
});
