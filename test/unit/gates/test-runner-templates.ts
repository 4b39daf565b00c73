/**
 * A failing run of each test runner, with a hole where one test's failure message goes,
 * printed the way that runner prints it (indented, prefixed, quoted).
 */
export interface RunnerTemplate {
  name: string;
  command: string;
  output(message: readonly string[]): string[];
}

export const testRunnerTemplates: readonly RunnerTemplate[] = [
  {
    name: 'cargo test',
    command: 'cargo test',
    output: (message) => [
      'running 2 tests',
      'test a ... ok',
      'test b ... FAILED',
      '',
      'failures:',
      '',
      '---- b stdout ----',
      "thread 'b' panicked at src/lib.rs:10:5:",
      ...message,
      '',
      'test result: FAILED. 1 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out',
      '',
      'error: test failed, to rerun pass `--lib`',
    ],
  },
  {
    name: 'pytest',
    command: 'pytest',
    output: (message) => [
      'collected 2 items',
      'tests/test_a.py .F                                                       [100%]',
      '=================================== FAILURES ===================================',
      '____________________________________ test_b ____________________________________',
      '>       assert render(log) == expected',
      ...message.map((line) => `E       ${line}`),
      'tests/test_a.py:5: AssertionError',
      'FAILED tests/test_a.py::test_b - AssertionError',
      '========================= 1 failed, 1 passed in 0.05s ==========================',
    ],
  },
  {
    name: 'jest',
    command: 'npx jest',
    output: (message) => [
      'FAIL src/a.test.ts',
      '  ● report › renders',
      '',
      ...message.map((line) => `    ${line}`),
      '',
      'Tests:       1 failed, 3 passed, 4 total',
    ],
  },
  {
    name: 'go test (output printed before the FAIL line)',
    command: 'go test ./...',
    output: (message) => [
      '=== RUN   TestRender',
      ...message,
      '--- FAIL: TestRender (0.00s)',
      'FAIL',
      'FAIL\tgithub.com/acme/app/report\t0.01s',
    ],
  },
  {
    name: 'mocha (details after the summary)',
    command: 'npx mocha',
    output: (message) => [
      '  2 passing (8ms)',
      '  1 failing',
      '',
      '  1) report renders:',
      ...message.map((line) => `      ${line}`),
    ],
  },
  {
    name: 'unittest',
    command: 'python -m unittest',
    output: (message) => [
      'test_render (test_report.ReportTests.test_render) ... FAIL',
      '======================================================================',
      'FAIL: test_render (test_report.ReportTests.test_render)',
      'AssertionError: unexpected output:',
      ...message,
      '----------------------------------------------------------------------',
      'FAILED (failures=1)',
    ],
  },
  {
    name: 'dotnet test',
    command: 'dotnet test',
    output: (message) => [
      '  Failed Report.Tests.Renders [3 ms]',
      '  Error Message:',
      ...message.map((line) => `   ${line}`),
      'Failed!  - Failed:     1, Passed:     3, Skipped:     0, Total:     4',
    ],
  },
  {
    name: 'rspec',
    command: 'bundle exec rspec',
    output: (message) => [
      'Failures:',
      '  1) Report renders',
      '     Failure/Error: expect(render(log)).to eq(expected)',
      ...message.map((line) => `       ${line}`),
      '8 examples, 1 failure',
    ],
  },
];

/** What formatters and linters print: the text a naive classifier would trip over. */
export const formatterAndLinterLines: readonly string[] = [
  'Diff in /home/runner/work/app/app/src/main.rs:12:',
  'Diff in /home/runner/work/app/app/src/lib.rs at line 4:',
  'would reformat /home/runner/work/app/app/src/app.py',
  '1 file would be reformatted, 3 files would be left unchanged.',
  'Oh no! 💥 💔 💥',
  'error: could not compile `app` (lib) due to 2 previous errors',
  "  8:16  error  Expected '===' and instead saw '=='  eqeqeq",
  '/home/runner/work/app/app/src/poll.ts',
  '✖ 3 problems (3 errors, 0 warnings)',
  '[warn] src/index.ts',
  '[warn] Code style issues found in 2 files. Run Prettier with --write to fix.',
  'src/app.py:1:1: F401 [*] `os` imported but unused',
  'Found 2 errors.',
  '   = note: `-D clippy::needless-return` implied by `-D warnings`',
  'src/a.cpp:6:13: error: code should be clang-formatted [-Wclang-format-violations]',
  '** (Mix) mix format failed due to --check-formatted.',
];
