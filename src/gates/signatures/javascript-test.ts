import type { ToolSpec } from '../types.js';

/** JavaScript test runners: jest, vitest, mocha, node:test (TAP and spec), playwright, others. */
export const javascriptTestTools: readonly ToolSpec[] = [
  {
    id: 'jest',
    class: 'test',
    commands: [/\bjest\b/],
    signatures: [
      {
        // The suite never ran: what follows (TypeScript errors, a missing module) is the cause.
        id: 'suite-failed-to-run',
        anchor: 'Test suite failed to run',
        pattern: /● Test suite failed to run/,
        strength: 'weak',
        releasesTestLock: true,
      },
      // jest and vitest label a failing file `FAIL` (inverse video, stripped here).
      { id: 'fail-file', anchor: 'FAIL', pattern: /^\s*FAIL\s+\S+\.\w+\b/ },
      {
        // `● Console` blocks hold console output of passing tests too.
        id: 'test-header',
        anchor: '● ',
        pattern: /^\s*● (?!Console$|Test suite failed to run|Validation )\S/,
      },
      {
        id: 'summary',
        anchor: ['Tests:', 'Test Suites:'],
        pattern: /^(?:Tests|Test Suites):\s+(?:\d+ \w+, )*\d+ failed/,
      },
    ],
  },
  {
    id: 'vitest',
    class: 'test',
    commands: [/\bvitest\b/],
    signatures: [
      {
        id: 'failed-suites',
        anchor: 'Failed Suites',
        pattern: /⎯ Failed Suites \d+ ⎯/,
        strength: 'weak',
        releasesTestLock: true,
      },
      { id: 'failed-tests', anchor: 'Failed Tests', pattern: /⎯ Failed Tests \d+ ⎯/ },
      {
        id: 'summary',
        anchor: ['Test Files', 'Tests '],
        pattern: /^\s*(?:Test Files|Tests)\s+\d+ failed/,
      },
      { id: 'unhandled', anchor: 'Unhandled Error', pattern: /⎯ Unhandled Errors? ⎯/ },
      { id: 'failed-test', anchor: '× ', pattern: /^\s+× \S.*\d+ms$/, strength: 'weak' },
    ],
  },
  {
    id: 'mocha',
    class: 'test',
    commands: [/\bmocha\b/],
    // Mocha prints failure details after the summary, so `N failing` must lock first.
    signatures: [{ id: 'failing', anchor: ' failing', pattern: /^\s*[1-9]\d* failing$/ }],
  },
  {
    id: 'node-test',
    class: 'test',
    commands: [/\bnode\s+(?:--[\w-]+(?:=\S+)?\s+)*--test\b/],
    signatures: [
      { id: 'tap-not-ok', anchor: 'not ok ', pattern: /^\s*not ok \d+ / },
      { id: 'tap-fail-count', anchor: '# fail ', pattern: /^# fail [1-9]/ },
      { id: 'spec-fail-count', anchor: 'ℹ fail ', pattern: /^ℹ fail [1-9]/ },
      { id: 'spec-failing', anchor: 'failing tests:', pattern: /^✖ failing tests:/ },
    ],
  },
  {
    id: 'playwright',
    class: 'test',
    commands: [/\bplaywright\s+test\b/],
    signatures: [{ id: 'failed-count', anchor: ' failed', pattern: /^\s+[1-9]\d* failed$/ }],
  },
  {
    id: 'js-test-runner',
    class: 'test',
    commands: [/\bcypress\s+run\b/, /\bjasmine\b/, /\bava\b/, /\bkarma\b/],
    signatures: [
      { id: 'cypress', anchor: ' failed (', pattern: /✖\s+\d+ of \d+ failed \(\d+%\)/ },
      { id: 'jasmine', anchor: ' specs, ', pattern: /^\d+ specs?, [1-9]\d* failures?/ },
      { id: 'ava', anchor: ' failed', pattern: /^\s*[1-9]\d* tests? failed$/ },
      { id: 'karma', anchor: 'FAILED', pattern: /Executed \d+ of \d+ \([1-9]\d* FAILED\)/ },
    ],
  },
];
