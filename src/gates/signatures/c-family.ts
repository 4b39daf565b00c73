import type { ToolSpec } from '../types.js';

const at = String.raw`^(?<file>(?:[A-Za-z]:)?[^\s:]+):(?<line>\d+):(?:(?<col>\d+):)? `;

/** C and C++: clang-format, clang-tidy/cppcheck, gcc/clang/MSVC and the linker, CMake, CTest, GoogleTest. */
export const cFamilyTools: readonly ToolSpec[] = [
  {
    id: 'clang-format',
    class: 'fmt',
    fix: 'clang-format -i <files>',
    commands: [/\bclang-format(?:-\d+)?\b/, /\bgit[- ]clang-format\b/],
    signatures: [
      {
        // `--dry-run --Werror` reports like a compiler, but it is a formatter.
        id: 'violation',
        anchor: 'clang-format-violations',
        pattern: new RegExp(
          `${at}(?:error|warning): code should be clang-formatted \\[-Wclang-format-violations\\]$`,
        ),
      },
    ],
  },
  {
    id: 'clang-tidy',
    class: 'lint',
    commands: [/\bclang-tidy\b/, /\bcppcheck\b/, /\bcpplint\b/],
    signatures: [
      {
        // Checker names in brackets; compiler warnings carry `-W...` flags instead.
        id: 'finding',
        anchor: [': error: ', ': warning: '],
        pattern: new RegExp(
          `${at}(?:error|warning): (?<message>.+) \\[(?!-W|-f)[a-z][\\w.-]*(?:,-warnings-as-errors)?\\]$`,
        ),
      },
      {
        id: 'warnings-as-errors',
        anchor: 'treated as errors',
        pattern: /^\d+ warnings? treated as errors?$/,
      },
    ],
  },
  {
    id: 'cc',
    class: 'build',
    commands: [
      /(?:^|\s)(?:g\+\+|gcc|clang\+\+|clang|cc|c\+\+)(?:-\d+)?\s/,
      /\bcmake\b/,
      /\bninja\b/,
    ],
    signatures: [
      {
        id: 'error',
        anchor: 'error: ',
        pattern: new RegExp(`${at}(?:fatal )?error: (?<message>.+)$`),
      },
      {
        id: 'undefined-reference',
        anchor: 'undefined reference to',
        pattern: /undefined reference to [`']/,
      },
      { id: 'ld-failed', anchor: 'ld returned', pattern: /ld returned \d+ exit status/ },
      {
        id: 'msvc',
        anchor: [': error C', ': fatal error C', ': error LNK'],
        pattern:
          /^(?<file>.+?)\((?<line>\d+)(?:,(?<col>\d+))?\): (?:fatal )?error (?:C|LNK)\d{4}: (?<message>.+)$/,
      },
      { id: 'cmake-error', anchor: 'CMake Error', pattern: /^CMake Error\b/ },
      {
        id: 'werror',
        anchor: 'warnings being treated as errors',
        pattern: /all warnings being treated as errors/,
      },
    ],
  },
  {
    id: 'ctest',
    class: 'test',
    commands: [/\bctest\b/],
    signatures: [
      {
        id: 'failed-out-of',
        anchor: 'tests failed out of',
        pattern: /^\d+% tests passed, \d+ tests? failed out of \d+/,
      },
      {
        id: 'following-failed',
        anchor: 'The following tests FAILED',
        pattern: /The following tests FAILED/,
      },
      {
        id: 'test-failed',
        anchor: ['***Failed', '***Exception', '***Timeout'],
        pattern: /\*\*\*(?:Failed|Exception|Timeout)/,
      },
      {
        id: 'errors-while-running',
        anchor: 'Errors while running CTest',
        pattern: /Errors while running CTest/,
        strength: 'weak',
      },
    ],
  },
  {
    id: 'googletest',
    class: 'test',
    signatures: [
      { id: 'failed', anchor: '[  FAILED  ]', pattern: /^\[ {2}FAILED {2}\] / },
      { id: 'catch2', anchor: 'test cases:', pattern: /^test cases:\s+\d+ \|.*\d+ failed/ },
    ],
  },
];
