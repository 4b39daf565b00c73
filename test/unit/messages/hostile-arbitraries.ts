import fc from 'fast-check';
import { gateClasses } from '../../../src/gates/index.js';
import type { GateVerdictSummary } from '../../../src/queue/gate-policy.js';

/** Text an attacker or a noisy tool could put in a title, branch, check name or log line. */
export const hostileText: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.constantFrom(
        '```',
        '````',
        '`',
        '~~~',
        '@alice',
        '@org/team',
        ' @x',
        '<script>',
        '<!--',
        '[a](javascript:x)',
        '\n',
        '\r\n',
        '|',
        '*',
        '_',
        '\\',
        '\u0000',
        '\u200b',
      ),
      fc.constant('y'.repeat(3_000)),
    ),
    { maxLength: 8 },
  )
  .map((parts) => parts.join(''));

export const sha = fc.stringMatching(/^[0-9a-f]{40}$/);
export const count = fc.integer({ min: 0, max: 10_000 });

export const verdict: fc.Arbitrary<GateVerdictSummary> = fc.record({
  check: hostileText,
  url: fc.option(fc.oneof(fc.webUrl(), hostileText)),
  class: fc.constantFrom(...gateClasses),
  confidence: fc.double({ min: 0, max: 1, noNaN: true }),
  reason: hostileText,
  job: fc.option(hostileText),
  step: fc.option(hostileText),
  signature: fc.option(hostileText),
  line: fc.option(count),
  context: fc.array(hostileText, { maxLength: 20 }),
  fix: fc.option(hostileText, { nil: undefined }),
  annotations: fc.array(
    fc.record({
      path: hostileText,
      line: fc.integer({ min: -2, max: 500 }),
      message: hostileText,
      tool: hostileText,
    }),
    { maxLength: 80 },
  ),
});

/** Up to 60 verdicts with long evidence: far past GitHub's limits when printed whole. */
export const verdicts = fc.array(verdict, { maxLength: 60 });

/** Enough failing checks with long evidence that the whole set cannot fit in one message. */
export const bulkyVerdicts: fc.Arbitrary<GateVerdictSummary[]> = fc.array(
  verdict.chain((v) =>
    fc
      .array(fc.tuple(hostileText, fc.constant('z'.repeat(300))), { minLength: 12, maxLength: 12 })
      .map((lines) => ({ ...v, context: lines.map(([text, filler]) => `${text}${filler}`) })),
  ),
  { minLength: 25, maxLength: 40 },
);
