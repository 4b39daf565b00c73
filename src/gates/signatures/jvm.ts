import type { ToolSpec } from '../types.js';

const gradleTask = String.raw`(?:^> Task \S*:|Execution failed for task '[^']*:)`;

/** Java/Kotlin: javac (also localised), Maven with surefire, Gradle, spotless, ktlint, checkstyle. */
export const jvmTools: readonly ToolSpec[] = [
  {
    id: 'spotless',
    class: 'fmt',
    fix: './gradlew spotlessApply',
    commands: [/spotless/i],
    signatures: [
      {
        id: 'violations',
        anchor: 'format violations',
        pattern: /The following files had format violations/,
      },
      {
        id: 'task',
        anchor: ':spotless',
        pattern: new RegExp(`${gradleTask}spotless\\w*(?:'| FAILED)`),
      },
    ],
  },
  {
    id: 'checkstyle',
    class: 'lint',
    commands: [/checkstyle/i, /\bktlint\b/, /\bdetekt\b/, /\bpmd\b/i, /\bspotbugs\b/i],
    signatures: [
      // Checkstyle's Maven output puts `(category) Rule:` after the location, unlike javac.
      {
        id: 'finding',
        anchor: '.java:[',
        pattern:
          /^\[(?:ERROR|WARN(?:ING)?)\] (?<file>\S+\.java):\[(?<line>\d+)(?:,(?<col>\d+))?\] \(\w+\) (?<message>\w+: .+)$/,
      },
      {
        id: 'violations',
        anchor: 'Checkstyle violation',
        pattern: /You have \d+ Checkstyle violations?/,
      },
      {
        id: 'ktlint',
        anchor: ['.kt:', '.kts:'],
        pattern: /^(?<file>\S+\.kts?):(?<line>\d+):(?<col>\d+): (?<message>.+) \([\w-]+:[\w-]+\)$/,
      },
      {
        id: 'task',
        anchor: ['> Task ', 'Execution failed for task'],
        pattern: new RegExp(
          `${gradleTask}(?:ktlint|detekt|checkstyle|lint|pmd|spotbugs)\\w*(?:'| FAILED)`,
          'i',
        ),
      },
    ],
  },
  {
    id: 'javac',
    class: 'build',
    commands: [/\bjavac\b/, /\bkotlinc\b/],
    signatures: [
      {
        id: 'error',
        anchor: ['.java:', '.kt:'],
        pattern:
          /^(?<file>\S+\.(?:java|kt)):(?<line>\d+): (?:error|Fehler|erreur|errore|erro|エラー|错误|오류)\s?: (?<message>.+)$/,
      },
      {
        id: 'kotlin-error',
        anchor: 'e: ',
        pattern:
          /^e: (?:file:\/\/)?(?<file>\S+\.kts?)(?::(?<line>\d+):(?<col>\d+)|: \((?<line2>\d+), \d+\):) /,
      },
    ],
  },
  {
    id: 'maven',
    class: 'build',
    commands: [/\bmvnw?\b/],
    signatures: [
      { id: 'compilation-error', anchor: 'COMPILATION ERROR', pattern: /COMPILATION ERROR/ },
      {
        id: 'located-error',
        anchor: ['.java:[', '.kt:[', '.scala:['],
        pattern:
          /^\[ERROR\] (?<file>\S+\.(?:java|kt|scala)):\[(?<line>\d+),(?<col>\d+)\] (?<message>.+)$/,
      },
      { id: 'compilation-failure', anchor: 'Compilation failure', pattern: /Compilation failure/ },
      {
        id: 'surefire-failure',
        anchor: ['<<< FAILURE!', '<<< ERROR!'],
        class: 'test',
        pattern: /Tests run: \d+.*<<< (?:FAILURE|ERROR)!/,
      },
      {
        id: 'test-failures',
        anchor: 'There are test failures',
        class: 'test',
        pattern: /There are test failures/,
      },
      {
        id: 'test-summary',
        anchor: 'Tests run:',
        class: 'test',
        pattern: /^\[(?:ERROR|WARNING)\] Tests run: \d+, Failures: (?:[1-9]|\d+, Errors: [1-9])/,
      },
    ],
  },
  {
    id: 'gradle',
    class: 'build',
    commands: [/\bgradlew?\b/],
    signatures: [
      {
        id: 'compile-task',
        anchor: [':compile', 'Execution failed for task'],
        pattern: new RegExp(`${gradleTask}compile\\w*(?:'| FAILED)`),
      },
      {
        id: 'compilation-error',
        anchor: 'Compilation error',
        pattern: /Compilation error\. See log/,
      },
      {
        id: 'test-task',
        anchor: ['> Task ', 'Execution failed for task'],
        class: 'test',
        pattern: new RegExp(`${gradleTask}\\w*[tT]est\\w*(?:'| FAILED)`),
      },
      {
        id: 'failing-tests',
        anchor: 'There were failing tests',
        class: 'test',
        pattern: /There were failing tests/,
      },
      { id: 'test-event', anchor: ' FAILED', class: 'test', pattern: /^\S.* > .+ FAILED$/ },
    ],
  },
];
