import type { ToolSpec } from '../types.js';

/**
 * Linters and formatters for scripts, YAML, Markdown, Dockerfiles and workflows. Listed
 * before the JavaScript tools: yamllint's default layout looks like ESLint's.
 */
export const shellAndConfigTools: readonly ToolSpec[] = [
  {
    id: 'shellcheck',
    class: 'lint',
    commands: [/\bshellcheck\b/],
    signatures: [
      {
        // `-f gcc`: every severity fails the run, even `note:`.
        id: 'gcc',
        anchor: '[SC',
        pattern:
          /^(?<file>[^\s:]+):(?<line>\d+):(?<col>\d+): (?:note|warning|error|style|info): (?<message>.+) \[SC\d{4}\]$/,
      },
      // Default layout: the source line, then `^-- SC2086 (info): ...` (`^--^` under a word).
      {
        id: 'tty',
        anchor: ['- SC', '^ SC'],
        pattern: /^\s*\^-*\^? SC\d{4} \((?:error|warning|info|style)\): /,
      },
      {
        id: 'wiki',
        anchor: 'shellcheck.net/wiki/SC',
        pattern: /shellcheck\.net\/wiki\/SC\d{4}/,
        strength: 'weak',
      },
    ],
  },
  {
    id: 'shfmt',
    class: 'fmt',
    fix: 'shfmt -w .',
    commands: [/\bshfmt\b/],
    signatures: [
      { id: 'diff', anchor: '.orig', pattern: /^--- \S+\.(?:sh|bash|bats|zsh|ksh)\.orig$/ },
    ],
  },
  {
    // `formatter -d` conventions: diff of `file.orig` against `file` (gofmt, shfmt, others).
    id: 'formatter-diff',
    class: 'fmt',
    signatures: [
      {
        id: 'orig',
        anchor: '.orig',
        pattern: /^(?:--- \S+\.orig|diff -u \S+\.orig \S+)(?:\s.*)?$/,
      },
    ],
  },
  {
    id: 'yamllint',
    class: 'lint',
    commands: [/\byamllint\b/],
    signatures: [
      {
        id: 'parsable',
        anchor: ': [error] ',
        pattern: /^(?<file>[^\s:]+):(?<line>\d+):(?<col>\d+): \[error\] (?<message>.+)$/,
      },
      {
        id: 'standard',
        anchor: 'error',
        pattern: /^\s+(?<line>\d+):(?<col>\d+)\s+error\s+(?<message>.+?)\s+\([\w-]+\)$/,
      },
    ],
  },
  {
    id: 'markdownlint',
    class: 'lint',
    fix: 'npx markdownlint-cli2 --fix "**/*.md"',
    commands: [/\bmarkdownlint(?:-cli2?)?\b/],
    signatures: [
      {
        id: 'finding',
        anchor: [' MD0', ' MD1'],
        pattern:
          /^(?<file>[^\s:]+):(?<line>\d+)(?::(?<col>\d+))? (?:error |warning )?MD\d{3}(?:\/[\w-]+)* (?<message>.+)$/,
      },
    ],
  },
  {
    id: 'hadolint',
    class: 'lint',
    commands: [/\bhadolint\b/],
    signatures: [
      {
        id: 'finding',
        anchor: [' DL3', ' DL4', ' SC1', ' SC2'],
        pattern:
          /^(?<file>\S*Dockerfile\S*):(?<line>\d+) (?:DL|SC)\d{4} (?:error|warning|info|style): (?<message>.+)$/,
      },
    ],
  },
  {
    id: 'actionlint',
    class: 'lint',
    commands: [/\bactionlint\b/],
    signatures: [
      {
        id: 'finding',
        anchor: ['.yml:', '.yaml:'],
        pattern: /^(?<file>\S+\.ya?ml):(?<line>\d+):(?<col>\d+): (?<message>.+) \[[\w-]+\]$/,
      },
    ],
  },
  {
    id: 'codespell',
    class: 'lint',
    fix: 'codespell --write-changes',
    commands: [/\bcodespell\b/, /\btypos\b/],
    signatures: [
      { id: 'misspelling', anchor: ' ==> ', pattern: /^(?<file>[^\s:]+):(?<line>\d+): .+ ==> .+$/ },
    ],
  },
  {
    // pre-commit: a hook that rewrites files (black, end-of-file-fixer, ...) is a formatter.
    id: 'pre-commit',
    class: 'fmt',
    fix: 'pre-commit run --all-files',
    signatures: [
      {
        id: 'modified',
        anchor: 'files were modified by this hook',
        pattern: /files were modified by this hook/,
      },
    ],
  },
  { id: 'tflint', class: 'lint', commands: [/\btflint\b/], signatures: [] },
  {
    id: 'terraform-fmt',
    class: 'fmt',
    fix: 'terraform fmt -recursive',
    commands: [/\b(?:terraform|tofu)\s+fmt\b/],
    signatures: [],
  },
];
