import type { ToolSpec } from '../types.js';

/** Ruby (RuboCop, RSpec, Minitest), Elixir (mix format/compile/test) and PHP (PHPUnit). */
export const rubyElixirPhpTools: readonly ToolSpec[] = [
  {
    id: 'rubocop',
    class: 'lint',
    fix: 'bundle exec rubocop -a',
    commands: [/\brubocop\b/, /\bstandardrb\b/],
    signatures: [
      {
        id: 'offense',
        anchor: [': C: ', ': W: ', ': E: ', ': F: '],
        pattern:
          /^(?<file>[^\s:]+):(?<line>\d+):(?<col>\d+): [CWEF]: (?:\[Correctable\] )?(?<message>.+)$/,
      },
      {
        id: 'summary',
        anchor: 'offense',
        pattern: /^\d+ files? inspected, [1-9]\d* offenses? detected/,
      },
    ],
  },
  {
    id: 'rspec',
    class: 'test',
    commands: [/\brspec\b/],
    signatures: [
      { id: 'failures-header', anchor: 'Failures:', pattern: /^Failures:$/ },
      { id: 'summary', anchor: 'examples, ', pattern: /^\d+ examples?, [1-9]\d* failures?/ },
      { id: 'rerun', anchor: 'rspec ./', pattern: /^rspec \.\/\S+:\d+ # / },
    ],
  },
  {
    id: 'minitest',
    class: 'test',
    commands: [/\brails\s+test\b/, /\brake\s+test\b/],
    signatures: [
      {
        id: 'summary',
        anchor: ' runs, ',
        pattern: /^\d+ runs, \d+ assertions, (?:[1-9]\d* failures|\d+ failures, [1-9]\d* errors)/,
      },
    ],
  },
  {
    id: 'mix-format',
    class: 'fmt',
    fix: 'mix format',
    commands: [/\bmix\s+format\b/],
    signatures: [
      {
        id: 'check-formatted',
        anchor: '--check-formatted',
        pattern: /mix format failed due to --check-formatted/,
      },
    ],
  },
  {
    id: 'mix-compile',
    class: 'build',
    commands: [/\bmix\s+compile\b/],
    signatures: [
      {
        id: 'compile-error',
        anchor: ['CompileError', 'SyntaxError', 'TokenMissingError'],
        pattern: /^\*\* \((?:CompileError|SyntaxError|TokenMissingError)\)/,
      },
      {
        id: 'warnings-as-errors',
        anchor: 'Compilation failed due to warnings',
        pattern: /Compilation failed due to warnings/,
      },
    ],
  },
  {
    id: 'mix-test',
    class: 'test',
    commands: [/\bmix\s+test\b/],
    signatures: [
      {
        id: 'summary',
        anchor: ' failure',
        pattern: /^(?:\d+ (?:doctests?|properties|property|tests?), )+[1-9]\d* failures?\b/,
      },
    ],
  },
  {
    id: 'phpunit',
    class: 'test',
    commands: [/\bphpunit\b/, /\bpest\b/],
    signatures: [
      { id: 'failures', anchor: 'FAILURES!', pattern: /^FAILURES!$/ },
      {
        id: 'there-were',
        anchor: 'There w',
        pattern: /^There (?:was|were) \d+ (?:failures?|errors?):$/,
      },
    ],
  },
  {
    id: 'php-cs-fixer',
    class: 'fmt',
    fix: 'vendor/bin/php-cs-fixer fix',
    commands: [/php-cs-fixer/],
    signatures: [],
  },
];
