import type { ToolSpec } from '../types.js';

// ESLint's and stylelint's "stylish" layout: the file on its own line, then `  8:16  error  ...`.
const stylishRow = String.raw`^\s+(?<line>\d+):(?<col>\d+)\s+`;

/** JavaScript/TypeScript/CSS formatters and linters: prettier, ESLint, Biome, stylelint. */
export const javascriptStyleTools: readonly ToolSpec[] = [
  {
    id: 'prettier',
    class: 'fmt',
    fix: 'npx prettier --write .',
    commands: [/\bprettier\b/],
    signatures: [
      {
        id: 'code-style-issues',
        anchor: 'Code style issues',
        pattern: /Code style issues (?:found|were found)/,
      },
      {
        id: 'unformatted-file',
        anchor: '[warn] ',
        pattern: /^\[warn\] \S+\.\w+$/,
        strength: 'weak',
      },
      {
        // Prettier cannot parse the file: the code itself is broken.
        id: 'syntax-error',
        anchor: '[error] ',
        class: 'build',
        pattern:
          /^\[error\] (?<file>\S+): SyntaxError: (?<message>.+?)(?: \((?<line>\d+):(?<col>\d+)\))?$/,
      },
    ],
  },
  {
    id: 'biome',
    class: 'lint',
    fix: 'npx @biomejs/biome check --write .',
    commands: [/\bbiome\b/],
    signatures: [
      {
        id: 'format',
        anchor: ['Formatter would have printed', 'File content differs from formatting output'],
        class: 'fmt',
        pattern:
          /Formatter would have printed the following content|File content differs from formatting output/,
      },
      {
        id: 'imports',
        anchor: 'Import statements could be sorted',
        class: 'fmt',
        pattern: /Import statements could be sorted/,
      },
      {
        id: 'lint-rule',
        anchor: ' lint/',
        pattern: /^(?<file>\S+?):(?<line>\d+):(?<col>\d+) lint\/\S+/,
      },
      {
        id: 'errors-emitted',
        anchor: 'Some errors were emitted',
        pattern: /Some errors were emitted while/,
        strength: 'weak',
      },
    ],
  },
  {
    id: 'stylelint',
    class: 'lint',
    fix: 'npx stylelint --fix "**/*.css"',
    commands: [/\bstylelint\b/],
    signatures: [
      {
        id: 'finding',
        anchor: '✖',
        pattern: new RegExp(`${stylishRow}✖\\s+(?<message>.+?)\\s{2,}[\\w/@-]+$`),
      },
    ],
  },
  {
    id: 'eslint',
    class: 'lint',
    fix: 'npx eslint --fix .',
    commands: [/\beslint\b/, /\bnext\s+lint\b/, /\bxo\b/],
    signatures: [
      {
        id: 'error',
        anchor: 'error',
        pattern: new RegExp(`${stylishRow}error\\s+(?<message>.+?)(?:\\s{2,}[@\\w/-]+)?$`),
      },
      {
        id: 'warning',
        anchor: 'warning',
        pattern: new RegExp(`${stylishRow}warning\\s+(?<message>.+?)(?:\\s{2,}[@\\w/-]+)?$`),
        strength: 'weak',
      },
      { id: 'problems', anchor: 'problem', pattern: /^✖ \d+ problems? \([1-9]\d* errors?/ },
      {
        id: 'warnings-only',
        anchor: 'problem',
        pattern: /^✖ \d+ problems? \(0 errors/,
        strength: 'weak',
      },
      {
        id: 'max-warnings',
        anchor: 'too many warnings',
        pattern: /ESLint found too many warnings/,
      },
      {
        id: 'unix',
        anchor: '[Error/',
        pattern: /^(?<file>[^\s:]+):(?<line>\d+):(?<col>\d+): (?<message>.+) \[Error\/[^\]]+\]$/,
      },
      {
        id: 'compact',
        anchor: ', Error - ',
        pattern: /^(?<file>\S+): line (?<line>\d+), col (?<col>\d+), Error - (?<message>.+)$/,
      },
    ],
  },
];
