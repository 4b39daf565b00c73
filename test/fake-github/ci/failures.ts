/**
 * Ready-made job behaviours with the output the real tools print, to spread into a job:
 * `{ name: 'test', ...testFailure('adds', 'expected 2, got 3') }`. The runner's own lines
 * (`##[error]Process completed with exit code 1.`, cancellation) are added by the log writer.
 */
import type { CiContext, JobBehaviour } from './types.js';

function workspace(ctx: CiContext): string {
  const name = ctx.repo.split('/')[1] ?? ctx.repo;
  return `/home/runner/work/${name}/${name}`;
}

const npmInstalled = [
  '',
  'added 412 packages, and audited 413 packages in 6s',
  '',
  '71 packages are looking for funding',
  '  run `npm fund` for details',
  '',
  'found 0 vulnerabilities',
].join('\n');

function npmConnectionReset(registry: string): string {
  return [
    'npm error code ECONNRESET',
    'npm error syscall read',
    'npm error errno ECONNRESET',
    `npm error network request to https://${registry}/typescript/-/typescript-5.9.3.tgz failed, reason: read ECONNRESET`,
    'npm error network This is a problem related to network connectivity.',
    'npm error network In most cases you are behind a proxy or have bad network settings.',
    'npm error network',
    'npm error network If you are behind a proxy, please make sure that the',
    "npm error network 'proxy' config is set properly.  See: 'npm help config'",
    'npm error A complete log of this run can be found in: /home/runner/.npm/_logs/2026-01-05T09_00_12_345Z-debug-0.log',
  ].join('\n');
}

/** `npm ci` loses its connection to the registry on the first attempt(s) and installs fine after. */
export function infraFlake(
  options: { failingAttempts?: number; registry?: string } = {},
): JobBehaviour {
  const failing = options.failingAttempts ?? 1;
  const registry = options.registry ?? 'registry.npmjs.org';
  return {
    run: 'npm ci',
    outcome: ({ attempt }) => (attempt <= failing ? 'failure' : 'success'),
    log: ({ attempt }) => (attempt <= failing ? npmConnectionReset(registry) : npmInstalled),
  };
}

/** jest reports one failing test; `message` is the assertion text, indented as jest prints it. */
export function testFailure(
  name: string,
  message: string,
  options: { file?: string } = {},
): JobBehaviour {
  const file = options.file ?? 'src/queue.test.ts';
  return {
    run: 'npm test',
    outcome: 'failure',
    log: [
      '',
      '> widgets@1.0.0 test',
      '> jest --ci',
      '',
      'PASS src/format.test.ts',
      `FAIL ${file}`,
      `  \u25cf ${name}`,
      '',
      ...message.split('\n').map((line) => (line === '' ? '' : `    ${line}`)),
      '',
      `      at Object.<anonymous> (${file}:14:21)`,
      '',
      'Test Suites: 1 failed, 1 passed, 2 total',
      'Tests:       1 failed, 7 passed, 8 total',
      'Snapshots:   0 total',
      'Time:        1.842 s',
      'Ran all test suites.',
    ].join('\n'),
  };
}

/** A formatter in check mode finds a file it would rewrite. */
export function fmtFailure(
  tool: 'cargo fmt' | 'prettier',
  options: { file?: string } = {},
): JobBehaviour {
  switch (tool) {
    case 'cargo fmt':
      return {
        run: 'cargo fmt --all -- --check',
        outcome: 'failure',
        log: (ctx) =>
          [
            `Diff in ${workspace(ctx)}/${options.file ?? 'src/lib.rs'}:1:`,
            '-pub fn add(a:i32,b:i32)->i32{a+b}',
            '+pub fn add(a: i32, b: i32) -> i32 {',
            '+    a + b',
            '+}',
          ].join('\n'),
      };
    case 'prettier':
      return {
        run: 'npx prettier --check .',
        outcome: 'failure',
        log: [
          'Checking formatting...',
          `[warn] ${options.file ?? 'src/a.ts'}`,
          '[warn] Code style issues found in the above file. Run Prettier with --write to fix.',
        ].join('\n'),
      };
  }
}

const partialTestRun = [
  '',
  '> widgets@1.0.0 test',
  '> jest --ci',
  '',
  'PASS src/format.test.ts',
].join('\n');

/**
 * The job exceeds `timeout-minutes` and the runner cancels it. GitHub reports such a job as
 * `cancelled`, not `timed_out` (as seen in the field; verify); pass `conclusion` to differ.
 */
export function timeout(
  options: { minutes?: number; conclusion?: 'cancelled' | 'timed_out' } = {},
): JobBehaviour {
  return {
    run: 'npm test',
    outcome: options.conclusion ?? 'cancelled',
    timeoutMinutes: options.minutes ?? 10,
    log: partialTestRun,
  };
}

/** Someone (or a newer run in the same concurrency group) cancelled the job mid-step. */
export function cancelled(): JobBehaviour {
  return { run: 'npm test', outcome: 'cancelled', log: partialTestRun };
}
