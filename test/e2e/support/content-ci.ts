import type { CiContext, CiMode, CiScript } from '../../fake-github/ci/types.js';
import { testFailure } from '../../fake-github/ci/failures.js';

/** A change that breaks the test suite: any tested tree holding it fails `test`. */
export interface Breakage {
  /** The file the broken change writes… */
  path: string;
  /** …with this text in it (any content when absent). */
  contains?: string;
  /** The jest test it makes fail, and the assertion jest prints. */
  test: string;
  message?: string;
}

export interface ContentCiOptions {
  breakages?: Breakage[];
  /** Attempts of `test` whose runner goes away mid-run (infra), whatever the content. */
  runnerLost?: (ctx: CiContext) => boolean | Promise<boolean>;
  mode?: CiMode;
}

/** A broken change to `path`: its content carries a marker that `breakage(path, …)` looks for. */
export const brokenMarker = '/* breaks the test suite */';

/** The breakage a file written with `brokenMarker` causes. */
export function breakage(path: string, test = `${path} works`): Breakage {
  return {
    path,
    contains: brokenMarker,
    test,
    message: `expect(received).toBe(expected)\n\nExpected: 2\nReceived: 3`,
  };
}

async function brokenBy(ctx: CiContext, breakages: readonly Breakage[]) {
  for (const b of breakages) {
    const content = await ctx.readFile(b.path);
    if (content !== undefined && (b.contains === undefined || content.includes(b.contains)))
      return b;
  }
  return undefined;
}

const runnerLostLog = [
  '',
  '> widgets@1.0.0 test',
  '> jest --ci',
  '',
  'PASS src/format.test.ts',
  '##[error]The self-hosted runner: runner-7 lost communication with the server. Verify the machine is running and has a healthy network connection. Anything in your workflow that terminates the runner process, starves it for CPU/Memory, or blocks its network access can cause this error.',
].join('\n');

const passingLog = [
  '',
  '> widgets@1.0.0 test',
  '> jest --ci',
  '',
  'PASS src/format.test.ts',
  'PASS src/queue.test.ts',
  '',
  'Test Suites: 2 passed, 2 total',
  'Tests:       8 passed, 8 total',
].join('\n');

/**
 * CI on staging branches whose `test` job (after `build`) runs the tested tree: it fails, with
 * jest's report of the broken test, on any commit whose tree holds a broken change, and passes
 * otherwise. `runnerLost` makes chosen attempts lose their runner instead (an infra flake).
 */
export function contentCi(options: ContentCiOptions = {}): CiScript {
  const breakages = options.breakages ?? [];
  const lost = async (ctx: CiContext) => (await options.runnerLost?.(ctx)) ?? false;
  return {
    mode: options.mode ?? 'manual',
    workflows: [
      {
        name: 'CI',
        file: '.github/workflows/ci.yml',
        on: { push: ['sluice/staging/**'] },
        jobs: [
          { name: 'build' },
          {
            name: 'test',
            needs: ['build'],
            run: 'npm test',
            outcome: async (ctx) =>
              (await lost(ctx)) || (await brokenBy(ctx, breakages)) ? 'failure' : 'success',
            log: async (ctx) => {
              if (await lost(ctx)) return runnerLostLog;
              const broken = await brokenBy(ctx, breakages);
              if (!broken) return passingLog;
              const failure = testFailure(
                broken.test,
                broken.message ?? 'expected true, got false',
                {
                  file: broken.path.replace(/\.ts$/, '.test.ts'),
                },
              );
              return failure.log as string;
            },
          },
        ],
      },
    ],
  };
}
