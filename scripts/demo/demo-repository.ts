import { stagingCi } from '../../test/e2e/support/ci-scripts.js';
import { testFailure } from '../../test/fake-github/ci/failures.js';
import type { CiContext, CiScript, JobBehaviour } from '../../test/fake-github/ci/types.js';

/** What the demo promises about one pull request once the queue has drained. */
export type ExpectedOutcome =
  | { kind: 'merged' }
  /** Dequeued with this outcome label, its `Sluice` check run or comment naming `mentions`. */
  | { kind: 'dequeued'; label: string; mentions: string };

export interface DemoPull {
  title: string;
  author: string;
  files: Record<string, string>;
  expect: ExpectedOutcome;
}

export const queueLabel = 'merge-queue';
export const requiredChecks = ['build', 'test'];

const goodTotal = [
  'export function total(prices: number[]): number {',
  '  return prices.reduce((sum, price) => sum + price, 0);',
  '}',
  '',
].join('\n');

// Starts at 1: the first price is never counted, which the test suite catches.
const offByOneTotal = [
  'export function total(prices: number[]): number {',
  '  let sum = 0;',
  '  for (let i = 1; i < prices.length; i++) sum += prices[i]!;',
  '  return sum;',
  '}',
  '',
].join('\n');

export const baseFiles: Record<string, string> = {
  'src/total.ts': goodTotal,
  'src/config.ts': 'export const timeoutSeconds = 30;\n',
};

/** Someone lands this on main straight after the PRs are opened: #2 then conflicts with it. */
export const pushToBase = {
  files: { 'src/config.ts': 'export const timeoutSeconds = 60;\n' },
  message: 'chore(config): raise the request timeout to 60 s',
  by: 'bob',
};

/** The five pull requests, in the order the maintainer queues them. */
export const demoPulls: DemoPull[] = [
  {
    title: 'feat(api): list widgets by colour',
    author: 'alice',
    files: { 'src/colours.ts': "export const colours = ['red', 'green', 'blue'];\n" },
    expect: { kind: 'merged' },
  },
  {
    title: 'fix(config): lower the request timeout',
    author: 'alice',
    files: { 'src/config.ts': 'export const timeoutSeconds = 10;\n' },
    expect: { kind: 'dequeued', label: 'sluice:conflict', mentions: 'src/config.ts' },
  },
  {
    title: 'docs: explain widget sizes',
    author: 'bob',
    files: { 'docs/sizes.md': '# Widget sizes\n\nSmall, medium and large.\n' },
    expect: { kind: 'merged' },
  },
  {
    title: 'perf(total): sum prices in a loop',
    author: 'alice',
    files: { 'src/total.ts': offByOneTotal },
    expect: { kind: 'dequeued', label: 'sluice:test', mentions: 'test' },
  },
  {
    title: 'feat(cli): add a --json flag',
    author: 'bob',
    files: { 'src/cli.ts': "export const flags = ['--json'];\n" },
    expect: { kind: 'merged' },
  },
];

const passingTests = [
  '',
  '> widgets@1.0.0 test',
  '> jest --ci',
  '',
  'PASS src/format.test.ts',
  'PASS src/total.test.ts',
  '',
  'Test Suites: 2 passed, 2 total',
  'Tests:       8 passed, 8 total',
].join('\n');

/** The suite fails exactly on the trees that contain the off-by-one loop, as real tests would. */
function testsOfTotal(): JobBehaviour {
  const failure = testFailure(
    'total adds up every price',
    'expect(received).toBe(expected) // Object.is equality\n\nExpected: 6\nReceived: 5',
    { file: 'src/total.test.ts' },
  );
  const broken = async (ctx: CiContext) => (await ctx.readFile('src/total.ts')) === offByOneTotal;
  const failingLog = async (ctx: CiContext) =>
    typeof failure.log === 'function' ? failure.log(ctx) : (failure.log ?? '');
  return {
    ...failure,
    outcome: async (ctx) => ((await broken(ctx)) ? 'failure' : 'success'),
    log: async (ctx) => ((await broken(ctx)) ? failingLog(ctx) : passingTests),
  };
}

/** GitHub Actions on pushes to the staging branches: build (1 min), then test (90 s). */
export function demoCi(): CiScript {
  return stagingCi(
    [
      { name: 'build', run: 'npm run build', durationMs: 60_000 },
      { name: 'test', needs: ['build'], durationMs: 90_000, ...testsOfTotal() },
    ],
    { mode: 'auto' },
  );
}
