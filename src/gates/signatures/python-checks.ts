import type { ToolSpec } from '../types.js';

/** Python type checkers and test runners: mypy, pyright, pytest, unittest. */
export const pythonCheckTools: readonly ToolSpec[] = [
  {
    // The labelling rules count type-check errors as build: the program is not well-typed.
    id: 'mypy',
    class: 'build',
    commands: [/\bmypy\b/, /\bdmypy\b/],
    signatures: [
      {
        id: 'error',
        anchor: ': error: ',
        pattern: /^(?<file>[^\s:]+\.pyi?):(?<line>\d+):(?:(?<col>\d+):)? error: (?<message>.+)$/,
      },
      {
        id: 'summary',
        anchor: 'source file',
        pattern: /^Found \d+ errors? in \d+ files? \(checked \d+ source files?\)$/,
      },
    ],
  },
  {
    id: 'pyright',
    class: 'build',
    commands: [/\bpyright\b/, /\bbasedpyright\b/],
    signatures: [
      {
        id: 'error',
        anchor: ' - error: ',
        pattern: /^\s*(?<file>\S+\.pyi?):(?<line>\d+):(?<col>\d+) - error: (?<message>.+)$/,
      },
    ],
  },
  {
    id: 'pytest',
    class: 'test',
    commands: [/\bpytest\b/, /\bpy\.test\b/],
    signatures: [
      { id: 'failures-section', anchor: ' FAILURES ', pattern: /^=+ FAILURES =+$/ },
      { id: 'errors-section', anchor: ' ERRORS ', pattern: /^=+ ERRORS =+$/ },
      {
        id: 'short-summary',
        anchor: ['FAILED ', 'ERROR '],
        pattern: /^(?:FAILED|ERROR) \S+\.py\b/,
      },
      {
        id: 'verbose-result',
        anchor: ['FAILED', 'ERROR'],
        pattern: /\.py::\S+ (?:FAILED|ERROR)\b/,
      },
      {
        id: 'final-summary',
        anchor: [' failed', ' error'],
        pattern: /^=+ .*\b\d+ (?:failed|errors?)\b.* in [\d.]+s\b.*=+$/,
      },
      {
        id: 'collection',
        anchor: 'during collection',
        pattern: /Interrupted: \d+ errors? during collection/,
      },
      {
        // pytest-timeout stops a hung test itself: a test failure, not the runner's timeout.
        id: 'timeout',
        anchor: ['+ Timeout +', 'Failed: Timeout'],
        pattern: /^\++ Timeout \++$|Failed: Timeout >/,
      },
      {
        id: 'xdist-result',
        anchor: ['] FAILED ', '] ERROR '],
        pattern: /^\[gw\d+\] \[\s*\d+%\] (?:FAILED|ERROR) \S+/,
      },
    ],
  },
  {
    id: 'unittest',
    class: 'test',
    commands: [/\bunittest\b/, /\bmanage\.py\s+test\b/],
    signatures: [
      {
        id: 'failure-header',
        anchor: ['FAIL: ', 'ERROR: '],
        pattern: /^(?:FAIL|ERROR): \S+ \([\w.]+\)/,
      },
      { id: 'failed-summary', anchor: 'FAILED (', pattern: /^FAILED \((?:failures|errors)=\d+/ },
    ],
  },
];
