import type { ToolSpec } from '../types.js';
import { escapeRegExp } from './phrase-signature.js';
import { goPosition as at } from './go-position.js';

const compileMessages = [
  'undefined: ',
  'imported and not used',
  'declared and not used',
  'declared but not used',
  'cannot use ',
  'too many return values',
  'not enough return values',
  'missing return',
  'syntax error: ',
  'assignment mismatch',
  'has no field or method',
  'invalid operation',
  'not enough arguments in call',
  'too many arguments in call',
  'redeclared in this block',
  'cannot convert',
  'non-boolean condition',
  'no new variables on left side',
  'is not a type',
  'does not implement',
];

/**
 * The go compiler (also as run by go test) and go test itself, incl. gotestsum. Any other
 * located message is a weak compile error: `go vet`'s command hint outranks it.
 */
export const goBuildTestTools: readonly ToolSpec[] = [
  {
    id: 'go-build',
    class: 'build',
    commands: [/\bgo\s+(?:build|install|run)\b/],
    signatures: [
      {
        id: 'build-failed',
        anchor: ['[build failed]', '[setup failed]'],
        pattern: /\[(?:build|setup) failed\]$/,
        afterTests: true,
      },
      {
        id: 'compile-error',
        anchor: compileMessages,
        pattern: new RegExp(
          `${at}(?<message>.*(?:${compileMessages.map(escapeRegExp).join('|')}).*)$`,
        ),
      },
      {
        id: 'missing-module',
        anchor: [
          'no required module provides package',
          'missing go.sum entry',
          'cannot find package',
        ],
        pattern: /no required module provides package|missing go\.sum entry|cannot find package/,
      },
      // Any other located message: a compile error by default, a vet finding under `go vet`.
      {
        id: 'located',
        anchor: '.go:',
        pattern: new RegExp(`${at}(?<message>.+)$`),
        strength: 'weak',
      },
    ],
  },
  {
    id: 'go-test',
    class: 'test',
    commands: [/\bgo\s+test\b/, /\bgotestsum\b/],
    signatures: [
      { id: 'test-failed', anchor: '--- FAIL: ', pattern: /^\s*--- FAIL: \S+/ },
      { id: 'package-failed', anchor: 'FAIL\t', pattern: /^FAIL\t\S+/ },
      { id: 'timed-out', anchor: 'test timed out after', pattern: /^panic: test timed out after/ },
      {
        id: 'race',
        anchor: 'race detected during execution of test',
        pattern: /race detected during execution of test/,
      },
      { id: 'gotestsum-failed', anchor: '=== FAIL: ', pattern: /^=== FAIL: / },
      {
        id: 'gotestsum-done',
        anchor: 'DONE ',
        pattern: /^DONE \d+ tests?(?:, \d+ skipped)?, [1-9]\d* failures?/,
      },
      { id: 'fail', anchor: 'FAIL', pattern: /^FAIL$/, strength: 'weak' },
    ],
  },
];
