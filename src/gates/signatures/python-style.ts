import type { ToolSpec } from '../types.js';

const pythonFile = String.raw`(?<file>[^\s:]+\.pyi?)`;

/** Python formatters and linters: black, ruff, isort, flake8, pylint. */
export const pythonStyleTools: readonly ToolSpec[] = [
  {
    id: 'ruff-format',
    class: 'fmt',
    fix: 'ruff format .',
    commands: [/\bruff\s+format\b/],
    signatures: [
      {
        id: 'would-reformat',
        anchor: 'Would reformat: ',
        pattern: new RegExp(`^Would reformat: ${pythonFile}$`),
      },
      {
        id: 'summary',
        anchor: 'would be reformatted',
        pattern: /^\d+ files? would be reformatted(?:, \d+ files? already formatted)?$/,
      },
    ],
  },
  {
    id: 'black',
    class: 'fmt',
    fix: 'black .',
    commands: [/\bblack\b/],
    signatures: [
      { id: 'would-reformat', anchor: 'would reformat ', pattern: /^would reformat (?<file>.+)$/ },
      { id: 'oh-no', anchor: 'Oh no!', pattern: /^Oh no! / },
      {
        id: 'summary',
        anchor: 'would be reformatted',
        pattern: /^\d+ files? would be reformatted(?:, \d+ files? would be left unchanged)?\.$/,
      },
    ],
  },
  {
    id: 'isort',
    class: 'fmt',
    fix: 'isort .',
    commands: [/\bisort\b/],
    signatures: [
      {
        id: 'unsorted',
        anchor: 'Imports are incorrectly sorted',
        pattern: /^ERROR: (?<file>.+?) Imports are incorrectly sorted/,
      },
    ],
  },
  {
    id: 'ruff',
    class: 'lint',
    fix: 'ruff check --fix',
    commands: [/\bruff(?:\s+check)?\b(?!\s+format)/],
    signatures: [
      // Since ruff 0.12 the full format puts the location under the message: ` --> f.py:2:8`.
      {
        id: 'location',
        anchor: '--> ',
        pattern: new RegExp(`^\\s*--> ${pythonFile}:(?<line>\\d+):(?<col>\\d+)$`),
      },
      {
        id: 'fixable',
        anchor: 'fixable with the',
        pattern: /^\[\*\] \d+ fixable with the/,
        strength: 'weak',
      },
      {
        id: 'found',
        anchor: 'Found ',
        pattern: /^Found \d+ errors?(?: \(\d+ fixed, \d+ remaining\))?\.$/,
        strength: 'weak',
      },
    ],
  },
  {
    // flake8, pycodestyle, pyflakes, pylint and ruff's concise output share one line shape.
    id: 'python-lint',
    class: 'lint',
    commands: [/\bflake8\b/, /\bpylint\b/, /\bpycodestyle\b/, /\bpyflakes\b/, /\bpydocstyle\b/],
    signatures: [
      {
        id: 'finding',
        anchor: ['.py:', '.pyi:'],
        pattern: new RegExp(
          `^${pythonFile}:(?<line>\\d+):(?<col>\\d+):? (?<message>[A-Z]{1,4}\\d{2,4}\\b.*)$`,
        ),
      },
      {
        id: 'pylint-score',
        anchor: 'Your code has been rated at',
        pattern: /Your code has been rated at/,
        strength: 'weak',
      },
    ],
  },
];
