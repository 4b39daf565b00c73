import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { parseConventionalHeader } from '../../../src/merge-subject/conventional-header.js';
import {
  formatMergeMessage,
  MAX_TITLE_LENGTH,
  normalizeTitle,
  parseMergeSubject,
} from '../../../src/merge-subject/index.js';

const templates = [
  '{title} (#{number})',
  'sluice: merge {number} {type} {title}',
  '{type}({scope}): {description} (#{number})',
  '[{author}] {title} #{number}',
  '{number}: {description} → {base}',
];

/** Any text at all: control characters, surrogates, markdown, newlines. */
const hostileText = fc.string({ unit: 'binary', maxLength: 300 });
const word = fc.stringMatching(/^[a-z][a-z0-9]{0,8}$/);
const types = fc.option(fc.constantFrom('feat', 'fix', 'story', 'Bug', 'not a type', ''), {
  nil: undefined,
});
/** Titles people write: optional conventional header, then words. */
const conventionalTitle = fc
  .tuple(
    fc.option(word, { nil: undefined }),
    fc.option(fc.array(word, { minLength: 1, maxLength: 2 }), { nil: undefined }),
    fc.boolean(),
    fc.array(word, { minLength: 1, maxLength: 12 }),
  )
  .map(([type, scope, bang, words]) => {
    const header =
      type === undefined ? '' : `${type}${scope ? `(${scope.join(',')})` : ''}${bang ? '!' : ''}: `;
    return `${header}${words.join(' ')}`;
  });

const notARevert = (title: string) => !/^revert\b/i.test(normalizeTitle(title));

function expectedFor(title: string, type: string | undefined) {
  const normalized = normalizeTitle(title);
  const header = parseConventionalHeader(normalized);
  const given = type?.trim().toLowerCase();
  const validType = given !== undefined && /^[a-z][a-z0-9-]*$/.test(given) ? given : undefined;
  return {
    type: validType ?? header?.type,
    scope: header?.scope,
    description: header?.description ?? normalized,
    breaking: header?.breaking ?? false,
  };
}

describe('merge subject round trip', () => {
  it('normalises any title to one bounded, printable line, idempotently', () => {
    fc.assert(
      fc.property(hostileText, (title) => {
        const normalized = normalizeTitle(title);
        expect(normalizeTitle(normalized)).toBe(normalized);
        // eslint-disable-next-line no-control-regex
        expect(normalized).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e]/);
        expect(Array.from(normalized).length).toBeLessThanOrEqual(MAX_TITLE_LENGTH);
        expect(normalized.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });

  it('parses back exactly what it formatted, for any title, body and template', () => {
    fc.assert(
      fc.property(
        fc.oneof(hostileText, conventionalTitle).filter(notARevert),
        fc.integer({ min: 1, max: 10_000_000 }),
        types,
        hostileText,
        fc.constantFrom(...templates),
        (title, number, type, body, template) => {
          const pr = { number, title, body, type, author: { login: 'mona' }, base: 'main' };
          const message = formatMergeMessage({ template, pr });
          const parsed = parseMergeSubject(message.subject, message.body, { template });
          const expected = expectedFor(title, type);
          expect(parsed).toMatchObject({ ...expected, pr: number, subject: message.subject });
          expect(parsed.breaking).toBe(
            expected.breaking || /^BREAKING[ -]CHANGE: /m.test(message.body),
          );
        },
      ),
      { numRuns: 500 },
    );
  });

  it('parses the subject alone back, for the titles people write', () => {
    fc.assert(
      fc.property(
        conventionalTitle.filter(notARevert),
        fc.integer({ min: 1, max: 99_999 }),
        fc.constantFrom(templates[0]!, templates[1]!),
        (title, number, template) => {
          const pr = { number, title, author: { login: 'mona' } };
          const { subject } = formatMergeMessage({ template, pr });
          const parsed = parseMergeSubject(subject, undefined, { template });
          const expected = expectedFor(title, undefined);
          expect(parsed.description).toBe(expected.description);
          expect(parsed.type).toBe(expected.type);
          expect(parsed.pr ?? Number(parsed.id)).toBe(number);
        },
      ),
      { numRuns: 300 },
    );
  });
});
