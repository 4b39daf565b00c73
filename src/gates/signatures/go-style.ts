import type { ToolSpec } from '../types.js';
import { escapeRegExp } from './phrase-signature.js';
import { goPosition as at } from './go-position.js';

const vetMessages = [
  'possible misuse of',
  'unreachable code',
  'composite literal uses unkeyed fields',
  'self-assignment of',
  'struct field tag',
  'should have signature',
  'the cancel function',
  'copies lock value',
  'passes lock by value',
  'formatting directive',
  'format %',
  'redundant newline',
  'call not used',
  'captured by func literal',
];

/** gofmt and goimports, golangci-lint, go vet. */
export const goStyleTools: readonly ToolSpec[] = [
  {
    id: 'gofmt',
    class: 'fmt',
    fix: 'gofmt -w .',
    commands: [/\bgofmt\b/, /\bgofumpt\b/, /\bgo\s+fmt\b/],
    signatures: [
      {
        id: 'diff',
        anchor: '.go.orig',
        pattern: /^(?:diff -u \S+\.go\.orig \S+\.go|--- \S+\.go\.orig(?:\s.*)?)$/,
      },
    ],
  },
  {
    id: 'goimports',
    class: 'fmt',
    fix: 'goimports -w .',
    commands: [/\bgoimports\b/],
    signatures: [],
  },
  {
    id: 'golangci-lint',
    class: 'lint',
    fix: 'golangci-lint run --fix',
    commands: [/\bgolangci-lint\b/],
    signatures: [
      // golangci-lint reports compile errors as the `typecheck` linter.
      {
        id: 'typecheck',
        anchor: '(typecheck)',
        class: 'build',
        pattern: new RegExp(`${at}(?<message>.+) \\(typecheck\\)$`),
      },
      {
        id: 'finding',
        anchor: '.go:',
        pattern: new RegExp(`${at}(?<message>.+) \\([a-z][\\w-]*\\)$`),
      },
      { id: 'issue-count', anchor: 'issues:', pattern: /^\d+ issues?:$/, strength: 'weak' },
    ],
  },
  {
    id: 'go-vet',
    class: 'lint',
    commands: [/\bgo\s+vet\b/, /\bstaticcheck\b/],
    signatures: [
      {
        id: 'finding',
        anchor: vetMessages,
        pattern: new RegExp(`${at}(?<message>.*(?:${vetMessages.map(escapeRegExp).join('|')}).*)$`),
      },
    ],
  },
];
