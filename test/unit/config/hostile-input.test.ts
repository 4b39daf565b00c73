import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { configLimits } from '../../../src/config/config-limits.js';
import { defaultConfig } from '../../../src/config/default-config.js';
import { configOf, errorsOf, located, onlyErrorOf, parse } from './sluice-yml.js';

/** Ten levels of ten aliases each: 10^10 values once expanded, 200 bytes on disk. */
function billionLaughs(): string {
  const lines = ['a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let level = 1; level < 10; level++) {
    const previous = `*a${level - 1}`;
    lines.push(`a${level}: &a${level} [${Array(10).fill(previous).join(', ')}]`);
  }
  return `${lines.join('\n')}\n`;
}

describe('hostile input', () => {
  it('refuses a file over the size limit before parsing it', () => {
    const huge = `queue:\n  label: ${'x'.repeat(configLimits.maxBytes)}\n`;
    const error = onlyErrorOf(huge);
    expect(located(error)).toEqual({ line: 1, column: 1, keyPath: '', kind: 'too-large' });
    expect(error.message).toBe(
      '`.github/sluice.yml` is 65 KB; Sluice reads config files up to 64 KB.',
    );
  });

  it('measures the size limit in UTF-8 bytes, not characters', () => {
    const accents = 'é'.repeat(configLimits.maxBytes / 2 + 10);
    expect(onlyErrorOf(`queue:\n  label: ${accents}\n`).kind).toBe('too-large');
  });

  it('refuses nesting deeper than the limit without exhausting the stack', () => {
    const depth = 100_000;
    const error = onlyErrorOf(
      `${'['.repeat(depth)}${']'.repeat(depth)}`.slice(0, configLimits.maxBytes),
    );
    expect(error.kind).toBe('too-deep');
    const nestedMappings = Array.from({ length: 40 }, (_, i) => `${'  '.repeat(i)}k${i}:`).join(
      '\n',
    );
    expect(onlyErrorOf(nestedMappings).kind).toBe('too-deep');
    // Lists nest without indentation too: `- - - x` is three lists deep.
    const compact = onlyErrorOf(`${'- '.repeat(30_000)}x\n`);
    expect(located(compact)).toEqual({ line: 1, column: 67, keyPath: '', kind: 'too-deep' });
  });

  it('counts nesting across block and flow collections', () => {
    const block = Array.from({ length: 20 }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n');
    const within = `${block} ${'['.repeat(12)}${']'.repeat(12)}\n`;
    expect(errorsOf(within).map((error) => error.kind)).not.toContain('too-deep');
    const past = `${block} ${'['.repeat(13)}${']'.repeat(13)}\n`;
    expect(onlyErrorOf(past).kind).toBe('too-deep');
  });

  it('refuses an alias bomb quickly and says where the aliases start', () => {
    // CPU time, not elapsed time: other work on the machine slows the clock on the wall, not
    // the work this parse does.
    const started = process.cpuUsage();
    const error = onlyErrorOf(billionLaughs());
    const used = process.cpuUsage(started);
    expect((used.user + used.system) / 1000).toBeLessThan(1_000);
    expect(located(error)).toEqual({ line: 2, column: 10, keyPath: '', kind: 'alias-expansion' });
  });

  it('accepts aliases that expand to a modest document', () => {
    const config = configOf(
      'checks:\n  required: &names [build, test]\nchangelog:\n  hidden: *names\n',
    );
    expect(config.changelog.hidden).toEqual(['build', 'test']);
  });

  it('refuses an alias inside the node its anchor names', () => {
    const error = onlyErrorOf('queue: &loop\n  label: *loop\n');
    expect(located(error)).toEqual({ line: 2, column: 10, keyPath: '', kind: 'recursive-alias' });
  });

  it('treats __proto__ as an unknown key, not as a prototype', () => {
    const error = onlyErrorOf('__proto__:\n  polluted: true\n');
    expect(error).toMatchObject({ keyPath: '__proto__', kind: 'unknown-key', line: 1 });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reports keys named like Object.prototype members as unknown', () => {
    const errors = errorsOf('queue:\n  constructor: x\n  toString: y\n');
    expect(errors.map((error) => error.keyPath)).toEqual(['queue.constructor', 'queue.toString']);
  });

  it('keeps an enormous unknown key from flooding the message', () => {
    const long = onlyErrorOf(`${'k'.repeat(1_000)}: 1\n`);
    expect(long.kind).toBe('unknown-key');
    expect(long.fix.length).toBeLessThan(2_100);
    // YAML 1.2 allows at most 1024 characters before the colon of a plain key.
    const enormous = onlyErrorOf(`${'k'.repeat(30_000)}: 1\n`);
    expect(located(enormous)).toEqual({ line: 1, column: 1, keyPath: '', kind: 'yaml-syntax' });
    expect(enormous.message.length + enormous.fix.length).toBeLessThan(1_000);
  });

  it('never throws and always locates its errors inside the file, whatever the text', () => {
    const yamlish = fc.stringMatching(/^[a-z:\-\s[\]{}&*!|>'"#,?%@`\t.0-9]{0,200}$/);
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 200 }), yamlish), (text) => {
        const result = parse(text);
        const lines = text.split('\n').length;
        return (
          result.ok ||
          result.errors.every(
            (error) =>
              error.line >= 1 && error.line <= lines + 1 && error.column >= 1 && error.fix !== '',
          )
        );
      }),
      { numRuns: 2_000 },
    );
  });

  it('yields the defaults for any file of comments and blank lines', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.constant(''),
            fc.string().map((s) => `# ${s.replace(/[\r\n]/g, '')}`),
          ),
        ),
        (lines) => {
          const result = parse(lines.join('\n'));
          return result.ok && JSON.stringify(result.config) === JSON.stringify(defaultConfig);
        },
      ),
    );
  });
});
