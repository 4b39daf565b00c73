import { describe, expect, it } from '@jest/globals';
import { PassThrough, Readable } from 'node:stream';
import { classifyCommand } from '../../../src/cli/commands/classify.js';
import { UsageError, type CliIo } from '../../../src/cli/types.js';
import { corpusDir, readCorpusLog } from './corpus.js';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function collect(stream: PassThrough): () => string {
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  return () => Buffer.concat(chunks).toString('utf8');
}

async function runClassify(args: string[], stdin: Buffer = Buffer.alloc(0)): Promise<Run> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out = collect(stdout);
  const err = collect(stderr);
  const io: CliIo = { stdin: Readable.from([stdin]), stdout, stderr, cwd: corpusDir, env: {} };
  const code = await classifyCommand.run(args, io);
  return { code, stdout: out(), stderr: err() };
}

describe('sluice classify', () => {
  it('prints exactly one JSON object with the documented keys', async () => {
    const { code, stdout } = await runClassify(['--json', '--check', 'test', '036-test.log']);
    expect(code).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    const verdict = JSON.parse(stdout) as Record<string, unknown>;
    expect(Object.keys(verdict)).toEqual([
      'class',
      'confidence',
      'check',
      'step',
      'signature',
      'line',
      'context',
      'fix',
    ]);
    expect(verdict).toMatchObject({
      class: 'test',
      check: 'test',
      step: 'Run cargo test',
      signature: 'cargo-test/rerun-hint',
      line: 158,
      fix: null,
    });
  });

  it('prints the verdict, the evidence and the fix for a human', async () => {
    const { stdout } = await runClassify(['--check', 'black', '014-fmt.log']);
    expect(stdout).toBe(
      [
        'fmt: a formatter would rewrite the code',
        '  confidence  0.95',
        '  check       black',
        '  step        Run black --check --diff src tests',
        '  why         line 164 matches black/summary',
        '  fix         black .',
        '  log',
        '    |',
        '    | Oh no! 💥 💔 💥',
        '    | 1 file would be reformatted, 4 files would be left unchanged.',
        '    | Process completed with exit code 1.',
        '',
      ].join('\n'),
    );
  });

  it('reads the log from standard input with -', async () => {
    const { stdout } = await runClassify(['--json', '-'], readCorpusLog('029-conflict.log'));
    expect(JSON.parse(stdout)).toMatchObject({ class: 'conflict' });
  });

  it('takes the conclusion into account before the log', async () => {
    const { stdout } = await runClassify(['--json', '--conclusion', 'cancelled', '036-test.log']);
    expect(JSON.parse(stdout)).toMatchObject({ class: 'infra', signature: 'conclusion/cancelled' });
  });

  it('judges the step named with --step', async () => {
    const { stdout } = await runClassify([
      '--json',
      '--step',
      'Run cargo fmt --check',
      '036-test.log',
    ]);
    expect(JSON.parse(stdout)).toMatchObject({ step: 'Run cargo fmt --check', class: 'fmt' });
  });

  it('says clearly that a file is missing, with exit code 2', async () => {
    const run = await runClassify(['no-such.log']);
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: 'sluice classify: cannot read no-such.log: no such file\n',
    });
  });

  it('says clearly that a directory is not a log, with exit code 2', async () => {
    const run = await runClassify(['.']);
    expect(run).toMatchObject({
      code: 2,
      stderr: 'sluice classify: cannot read .: is a directory\n',
    });
  });

  it.each([
    [[], 'expected one FILE (or - for stdin)'],
    [['a.log', 'b.log'], 'expected one FILE (or - for stdin)'],
    [['--conclusion', 'exploded', 'a.log'], '--conclusion must be one of success, failure'],
    [['--verbose', 'a.log'], "Unknown option '--verbose'"],
  ])('rejects the usage %j', async (args, message) => {
    await expect(runClassify(args)).rejects.toThrow(UsageError);
    await expect(runClassify(args)).rejects.toThrow(message);
  });
});
