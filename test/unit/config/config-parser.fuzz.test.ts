import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { stringify } from 'yaml';
import {
  configLimits,
  listConfigFields,
  resolveConfigText,
  type ExtendsReader,
  type ParseConfigResult,
} from '../../../src/config/index.js';
import { parse, sluiceYml } from './sluice-yml.js';

/** A result, or errors a person can act on: a location, a message and a fix. */
function expectResultOrLocatedErrors(result: ParseConfigResult): void {
  if (result.ok) {
    expect(typeof result.config.queue.label).toBe('string');
    return;
  }
  expect(result.errors.length).toBeGreaterThan(0);
  for (const error of result.errors) {
    expect(error.line).toBeGreaterThanOrEqual(1);
    expect(error.column).toBeGreaterThanOrEqual(1);
    expect(error.message.trim()).not.toBe('');
    expect(error.fix.trim()).not.toBe('');
  }
}

/** The schema's own key paths, so generated documents reach deep into it with wrong values. */
const keyPaths = listConfigFields().map((field) =>
  field.keyPath
    .replace(/\[\]/g, '.0')
    .replace(/<[^>]+>/g, 'x')
    .split('.'),
);
const yamlScalar = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom('~', 'yes', 'no', '0x1F', '.inf', '2024-01-01', '!!binary aGk=', '*undefined'),
);
const plausibleDocument = fc
  .array(fc.tuple(fc.constantFrom(...keyPaths), yamlScalar), { maxLength: 12 })
  .map((entries) => {
    const root: Record<string, unknown> = {};
    for (const [path, value] of entries) {
      let node = root;
      for (const key of path.slice(0, -1)) {
        const next = node[key];
        node[key] = typeof next === 'object' && next !== null && !Array.isArray(next) ? next : {};
        node = node[key] as Record<string, unknown>;
      }
      node[path[path.length - 1]!] = value;
    }
    return stringify(root, { aliasDuplicateObjects: false });
  });

/**
 * `a0: &a0 [lol × f]` then `a<l>: &a<l> [*a<l-1> × f]`: a few hundred bytes whose values,
 * counted every time an alias repeats them, grow as f^l.
 */
const aliasBomb = fc
  .record({ fanout: fc.integer({ min: 2, max: 10 }), levels: fc.integer({ min: 1, max: 10 }) })
  .map(({ fanout, levels }) => {
    const lines = [`a0: &a0 [${Array(fanout).fill('lol').join(', ')}]`];
    let below = fanout;
    let expanded = 1 + levels + below;
    for (let level = 1; level < levels; level++) {
      lines.push(
        `a${level}: &a${level} [${Array(fanout)
          .fill(`*a${level - 1}`)
          .join(', ')}]`,
      );
      below = fanout + fanout * below;
      expanded += below;
    }
    return { text: `${lines.join('\n')}\n`, expanded, fanout, levels };
  });

const yamlNoise = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        ':',
        '- ',
        '[',
        ']',
        '{',
        '}',
        '&a',
        '*a',
        '!',
        '|',
        '>',
        "'",
        '"',
        '%YAML 1.2',
        '---',
        '...',
      ),
      fc.constantFrom('\n', '\r\n', '\r', '\t', ' ', '  ', '#', '\u0000', '\ufeff', '\u2028'),
      fc.string({ maxLength: 8 }),
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''));

const text = fc.oneof(
  fc.string({ maxLength: 300, unit: 'binary' }),
  yamlNoise,
  plausibleDocument,
  fc.tuple(plausibleDocument, yamlNoise, fc.nat()).map(([doc, noise, at]) => {
    const cut = at % (doc.length + 1);
    return doc.slice(0, cut) + noise + doc.slice(cut);
  }),
  aliasBomb.map((bomb) => bomb.text),
  fc.nat({ max: 40_000 }).map((depth) => '['.repeat(depth) + ']'.repeat(depth)),
  fc
    .nat({ max: 200 })
    .map((depth) => Array.from({ length: depth }, (_, i) => `${' '.repeat(i)}k:`).join('\n')),
  fc
    .integer({ min: configLimits.maxBytes - 10, max: configLimits.maxBytes * 3 })
    .map((n) => `queue:\n  label: ${'x'.repeat(n)}\n`),
);

describe('the config parser under generated input', () => {
  it('returns a config or located errors for any text, never throws', () => {
    fc.assert(
      fc.property(text, (source) => {
        expectResultOrLocatedErrors(parse(source));
      }),
      { numRuns: 1_000 },
    );
  });

  it('refuses every alias bomb past the alias limit, and only those', () => {
    fc.assert(
      fc.property(aliasBomb, ({ text: source, expanded, fanout, levels }) => {
        const result = parse(source);
        // Every document here is unknown keys at the top (a0, a1, ...): only the kind matters.
        const kinds = result.ok ? [] : result.errors.map((error) => error.kind);
        // `maxAliasCount` counts an anchored value once where it is written and once per
        // alias, times that count for the aliases inside it: (f + 1)^(l - 1) at the last level.
        if ((fanout + 1) ** (levels - 1) > configLimits.maxAliasCount) {
          expect(kinds).toEqual(['alias-expansion']);
        } else {
          expect(kinds).not.toContain('alias-expansion');
          expect(expanded).toBeLessThan(10 * configLimits.maxAliasCount);
        }
      }),
      { numRuns: 1_000 },
    );
  });

  it('follows `_extends` to generated files and still answers with a result or located errors', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(
          '_extends: .github',
          '_extends: base:.github/sluice.yml',
          '_extends: other/x',
        ),
        fc.array(fc.oneof(text, fc.constant(undefined)), { minLength: 1, maxLength: 6 }),
        async (first, bases) => {
          let reads = 0;
          const reader: ExtendsReader = {
            owner: 'acme',
            readFileIn: () => Promise.resolve(bases[reads++ % bases.length]),
          };
          const result = await resolveConfigText(`${first}\n`, {
            path: sluiceYml,
            configPath: sluiceYml,
            reader,
            offlineFix: 'Run it where GitHub can be read.',
          });
          expectResultOrLocatedErrors(result);
          expect(reads).toBeLessThanOrEqual(5);
        },
      ),
      { numRuns: 1_000 },
    );
  });
});
