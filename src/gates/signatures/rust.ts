import type { ToolSpec } from '../types.js';

const cargo = String.raw`\bcargo\s+(?:\+\S+\s+)?`;

/** rustfmt, clippy, rustc and the cargo test harnesses (libtest, nextest). */
export const rustTools: readonly ToolSpec[] = [
  {
    id: 'rustfmt',
    class: 'fmt',
    fix: 'cargo fmt',
    commands: [new RegExp(`${cargo}fmt\\b`), /\brustfmt\b/],
    signatures: [
      // rustfmt --check: `Diff in /path/src/main.rs:12:` (older: `... at line 12:`).
      { id: 'diff-in', anchor: 'Diff in ', pattern: /^Diff in (?<file>\S+?):(?<line>\d+):\s*$/ },
      { id: 'diff-at-line', anchor: 'Diff in ', pattern: /^Diff in \S+ at line \d+:\s*$/ },
    ],
  },
  {
    id: 'clippy',
    class: 'lint',
    fix: 'cargo clippy --fix',
    commands: [new RegExp(`${cargo}clippy\\b`)],
    signatures: [
      {
        // Only denied lints fail the build; `-D warnings` turns every lint into one.
        id: 'denied-lint',
        anchor: 'clippy::',
        pattern: /^\s*= note: `(?:-D clippy::|#\[deny\(clippy::)[\w-]+/,
      },
      {
        id: 'lint-help',
        anchor: 'rust-clippy',
        pattern:
          /^\s*= help: for further information visit https:\/\/rust-lang\.github\.io\/rust-clippy\//,
        strength: 'weak',
      },
    ],
  },
  {
    id: 'rustc',
    class: 'build',
    commands: [new RegExp(`${cargo}(?:build|check|doc|run)\\b`), /\brustc\b/],
    signatures: [
      { id: 'error-code', anchor: 'error[E', pattern: /^error\[E\d{4}\]: (?<message>.+)$/ },
      {
        id: 'diff-marker',
        anchor: 'encountered diff marker',
        pattern: /^error: encountered diff marker/,
      },
      { id: 'linker', anchor: 'linking with `', pattern: /^error: linking with `[^`]+` failed/ },
      {
        // Also clippy's closing line: it confirms, it never decides against earlier lints.
        id: 'could-not-compile',
        anchor: 'could not compile',
        pattern: /^error: could not compile `[^`]+`/,
        strength: 'weak',
      },
      {
        id: 'aborting',
        anchor: 'aborting due to',
        pattern: /^error: aborting due to /,
        strength: 'weak',
      },
    ],
  },
  {
    id: 'cargo-test',
    class: 'test',
    commands: [new RegExp(`${cargo}(?:test|nextest)\\b`)],
    signatures: [
      { id: 'result-failed', anchor: 'test result: FAILED', pattern: /^test result: FAILED\./ },
      {
        id: 'test-failed',
        anchor: ' FAILED',
        pattern: /^test .+ \.\.\. FAILED$/,
      },
      { id: 'failure-output', anchor: '---- ', pattern: /^---- .+ std(?:out|err) ----$/ },
      {
        id: 'rerun-hint',
        anchor: 'test failed, to rerun pass',
        pattern: /^error: test failed, to rerun pass/,
      },
      {
        id: 'nextest-fail',
        anchor: ['FAIL [', 'TIMEOUT [', 'SIGSEGV [', 'SIGABRT ['],
        pattern: /^\s+(?:FAIL|TIMEOUT|SIGSEGV|SIGABRT) \[\s*[\d.]+s\] /,
      },
      { id: 'nextest-run-failed', anchor: 'test run failed', pattern: /^error: test run failed/ },
      {
        id: 'panicked',
        anchor: 'panicked at',
        pattern: /^thread '[^']*'(?: \(\d+\))? panicked at /,
        strength: 'weak',
      },
    ],
  },
];
