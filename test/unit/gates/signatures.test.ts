import { describe, expect, it } from '@jest/globals';
import { SignatureMatcher } from '../../../src/gates/signature-matcher.js';
import { allTools } from '../../../src/gates/signatures/index.js';
import { managedToolExamples } from './signature-examples/managed-tools.js';
import { nativeToolExamples } from './signature-examples/native-tools.js';
import { otherExamples } from './signature-examples/other-signatures.js';
import { styleToolExamples } from './signature-examples/style-tools.js';

const matcher = new SignatureMatcher(allTools);

// Lines every CI log is full of: none of them may look like a failure.
const passingNoise = [
  '   Compiling serde v1.0.217',
  'test tests::parses_header_line_42 ... ok',
  'tests/test_retry.py::test_backoff_doubles PASSED                         [ 37%]',
  ' PASS  src/queue/render.test.ts (5.2 s)',
  '  ✓ renders the queue summary (3 ms)',
  '--- PASS: TestPushRejectsDuplicate (0.00s)',
  'ok  \tgithub.com/acme/mergeq/queue\t0.003s',
  'added 412 packages, and audited 413 packages in 9s',
  '[INFO] BUILD SUCCESS',
  'Checking formatting...',
  'All matched files use Prettier code style!',
  '1 file left unchanged',
  'All checks passed!',
  'Success: no issues found in 3 source files',
  'test result: ok. 12 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out',
  '=== 24 passed in 0.61s ===',
  'Tests:       8 passed, 8 total',
  '0 failing',
  'Cache restored from key: node-cache-Linux-x64-npm-0a8ccb4ee17cf4cdef35716fb00f4913b0f80c88',
  '##[group]Run actions/checkout@v4',
  'Post job cleanup.',
];

describe('tool signatures', () => {
  const families = {
    'formatters and linters': styleToolExamples,
    'Rust, Go and Python builds and tests': nativeToolExamples,
    'other builds and tests': managedToolExamples,
    'policy, runner, conflict and network': otherExamples,
  };

  for (const [family, examples] of Object.entries(families)) {
    it.each(examples.map(([line, id]) => [id, line]))(
      `${family}: %s matches its own output line`,
      (id, line) => {
        expect(matcher.match(line)?.signature.id).toBe(id);
      },
    );
  }

  it('has a real example line for every signature', () => {
    const covered = new Set(
      [...styleToolExamples, ...nativeToolExamples, ...managedToolExamples, ...otherExamples].map(
        ([, id]) => id,
      ),
    );
    const missing = matcher.signatures.map((s) => s.id).filter((id) => !covered.has(id));
    expect(missing).toEqual([]);
  });

  it.each(passingNoise)('finds nothing in passing output: %s', (line) => {
    expect(matcher.match(line)).toBeUndefined();
  });

  it('gives located findings a file, line and message for annotations', () => {
    const match = matcher.match("src/webhook.ts(17,15): error TS2345: Argument of type 'x'.");
    expect(match?.groups).toMatchObject({ file: 'src/webhook.ts', line: '17', col: '15' });
  });

  it('prefers the specific tool when a generic signature matches the same line', () => {
    const clangFormat =
      'src/a.cpp:6:13: error: code should be clang-formatted [-Wclang-format-violations]';
    expect(matcher.match(clangFormat)?.signature.class).toBe('fmt');
    expect(
      matcher.match('src/a.py:20: error: Incompatible types  [assignment]')?.signature.id,
    ).toBe('mypy/error');
  });
});
