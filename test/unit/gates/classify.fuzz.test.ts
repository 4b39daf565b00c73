import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { PassThrough, Readable } from 'node:stream';
import { classifyCommand } from '../../../src/cli/commands/classify.js';
import { UsageError, type CliIo } from '../../../src/cli/types.js';
import { checkConclusions, gateClasses } from '../../../src/gates/index.js';
import { corpusDir, readCorpusIndex, readCorpusLog } from './corpus.js';

const esc = '\x1b';
const corpusFiles = readCorpusIndex().map((entry) => entry.file);

/** Pieces of what runners print, to be shuffled into logs no runner would print. */
const logLine = fc.oneof(
  fc.constantFrom(
    '##[group]Run npm test',
    '##[group]Run cargo fmt --check',
    '##[endgroup]',
    '##[error]Process completed with exit code 1.',
    '##[error]',
    '##[warning]deprecated',
    'Post job cleanup.',
    'Error: Process completed with exit code 2.',
    `${esc}[31;1merror${esc}[0m: could not compile`,
    `${esc}[`,
    `${esc}]8;;https://example.com${esc}\\link${esc}]8;;${esc}\\`,
    'FAIL src/a.test.ts',
    'Would reformat: src/a.py',
    'CONFLICT (content): Merge conflict in a.txt',
    '2025-06-19T23:10:00.0000000Z ##[group]Run make',
  ),
  fc.string({ maxLength: 120 }),
  fc.string({ maxLength: 40, unit: 'binary' }),
  fc.nat({ max: 300_000 }).map((n) => 'y'.repeat(n)),
);
const eol = fc.constantFrom('\n', '\r\n', '\r', '\n\r', '');

const generatedLog = fc
  .array(fc.tuple(logLine, eol), { maxLength: 80 })
  .map((lines) => Buffer.from(lines.map(([line, end]) => line + end).join(''), 'utf8'));
const corruptedCorpusLog = fc
  .tuple(fc.constantFrom(...corpusFiles), fc.uint8Array({ maxLength: 400 }), fc.nat())
  .map(([file, noise, at]) => {
    const bytes = readCorpusLog(file);
    const cut = at % (bytes.length + 1);
    return Buffer.concat([bytes.subarray(0, cut), noise, bytes.subarray(cut)]);
  });
const log = fc.oneof(
  generatedLog,
  corruptedCorpusLog,
  fc.uint8Array({ maxLength: 4096 }).map((bytes) => Buffer.from(bytes)),
);

/** Splits at arbitrary byte offsets: a multi-byte character or CR LF may straddle two chunks. */
function chunked(bytes: Buffer, sizes: number[]): Buffer[] {
  const chunks: Buffer[] = [];
  let at = 0;
  for (let i = 0; at < bytes.length; i++) {
    const size = sizes.length === 0 ? bytes.length : sizes[i % sizes.length]!;
    chunks.push(bytes.subarray(at, at + size));
    at += size;
  }
  return chunks;
}

async function classify(
  args: string[],
  stdin: Buffer[],
): Promise<{ code: number; stdout: string }> {
  const stdout = new PassThrough();
  const out: Buffer[] = [];
  stdout.on('data', (chunk: Buffer) => out.push(chunk));
  const io: CliIo = {
    stdin: Readable.from(stdin),
    stdout,
    stderr: new PassThrough(),
    cwd: corpusDir,
    env: {},
  };
  const code = await classifyCommand.run(args, io);
  return { code, stdout: Buffer.concat(out).toString('utf8') };
}

describe('sluice classify under generated input', () => {
  it('prints one verdict for any log, however it is chunked, and never throws', async () => {
    await fc.assert(
      fc.asyncProperty(
        log,
        fc.array(fc.integer({ min: 1, max: 4096 }), { maxLength: 4 }),
        fc.option(fc.constantFrom(...checkConclusions), { nil: undefined }),
        fc.option(fc.string({ maxLength: 30 }), { nil: undefined }),
        async (bytes, sizes, conclusion, step) => {
          const args = ['--json', ...(conclusion ? ['--conclusion', conclusion] : [])];
          if (step !== undefined) args.push(`--step=${step}`);
          const { code, stdout } = await classify([...args, '-'], chunked(bytes, sizes));
          expect(code).toBe(0);
          const verdict = JSON.parse(stdout) as { class: string; line: unknown; context: unknown };
          expect(gateClasses).toContain(verdict.class);
          expect(Array.isArray(verdict.context)).toBe(true);
        },
      ),
      { numRuns: 1_000 },
    );
  });

  it('answers any command line with a verdict, a usage error or a read error, never a crash', async () => {
    const arg = fc.oneof(
      fc.constantFrom(
        '--json',
        '--check',
        '--step',
        '--conclusion',
        '-',
        '--',
        '--nope',
        '014-fmt.log',
        'missing.log',
        '.',
      ),
      fc.string({ maxLength: 12 }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(arg, { maxLength: 6 }), async (args) => {
        try {
          const { code } = await classify(args, [Buffer.from('##[error]boom\n')]);
          expect([0, 2]).toContain(code);
        } catch (error) {
          expect(error).toBeInstanceOf(UsageError);
          expect((error as Error).message.trim()).not.toBe('');
        }
      }),
      { numRuns: 1_000 },
    );
  });
});
