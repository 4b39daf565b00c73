import { describe, expect, it } from '@jest/globals';
import { classifyGateLog } from '../../../src/gates/index.js';
import {
  aFailingStep,
  aGhLogFailed,
  anActionsLog,
  aPassingStep,
  aWebUiCopy,
} from './log-builders.js';

const pytestFailure = [
  '=================================== FAILURES ===================================',
  '>       assert q.pop() == 2',
  'E       assert 1 == 2',
  '=========================== short test summary info ============================',
  'FAILED tests/test_queue.py::test_dequeue - assert 1 == 2',
];
const eslintFailure = [
  '/home/runner/work/app/app/src/poll.ts',
  "  12:9  error  'timer' is assigned a value but never used  no-unused-vars",
  '',
  '✖ 1 problem (1 error, 0 warnings)',
];

describe('finding the failing step in a job log', () => {
  it('judges the step that ended with an exit code, not an always() step after it', () => {
    const log = anActionsLog([
      aFailingStep('pytest', pytestFailure),
      aPassingStep('actions/upload-artifact@v4', ['Artifact name is valid!']),
    ]);
    expect(classifyGateLog(log)).toMatchObject({ class: 'test', step: 'Run pytest' });
  });

  it('skips an earlier continue-on-error step that also printed an exit code', () => {
    const log = anActionsLog([
      aFailingStep('npx eslint .', eslintFailure),
      aFailingStep('pytest', pytestFailure),
    ]);
    expect(classifyGateLog(log).class).toBe('test');
  });

  it('trusts the job steps over the log when the failing step lost its exit-code line', () => {
    const log = anActionsLog([
      aFailingStep('npx eslint .', eslintFailure),
      aPassingStep('pytest', pytestFailure),
    ]);
    const steps = [
      { name: 'Set up job', conclusion: 'success' as const },
      { name: 'Lint', conclusion: 'success' as const },
      { name: 'Test', conclusion: 'failure' as const },
      { name: 'Complete job', conclusion: 'success' as const },
    ];
    expect(classifyGateLog(log).class).toBe('lint');
    expect(classifyGateLog(log, { steps })).toMatchObject({ class: 'test', step: 'Test' });
  });

  it('reads a copy from the web UI (no timestamps, `Error:` for the runner)', () => {
    const verdict = classifyGateLog(aWebUiCopy(aFailingStep('npm run lint', eslintFailure)));
    expect(verdict).toMatchObject({ class: 'lint', step: 'Run npm run lint' });
  });

  it('reads `gh run view --log-failed`, taking job and step from its columns', () => {
    const verdict = classifyGateLog(aGhLogFailed('unit', aFailingStep('pytest -q', pytestFailure)));
    expect(verdict).toMatchObject({ class: 'test', job: 'unit', step: 'Run pytest -q' });
  });

  it('reads a CRLF log with a byte-order mark the same as a plain one', () => {
    const steps = [aFailingStep('npx eslint .', eslintFailure)];
    const plain = classifyGateLog(anActionsLog(steps));
    expect(classifyGateLog(anActionsLog(steps, { crlf: true, bom: true }))).toEqual(plain);
  });

  it('never lets post-job cleanup output decide', () => {
    const log = anActionsLog([aFailingStep('make verify', ['make: *** [verify] Error 3'])]).replace(
      'Cleaning up orphan processes',
      'CONFLICT (content): Merge conflict in src/a.ts',
    );
    expect(classifyGateLog(log).class).toBe('unknown');
  });

  it('classifies bare tool output with no runner structure at all', () => {
    expect(classifyGateLog(eslintFailure.join('\n'))).toMatchObject({ class: 'lint', step: null });
  });

  it('judges a failed `uses:` step by its own error line', () => {
    const log = anActionsLog([
      aPassingStep('npm ci', ['added 12 packages']),
      aPassingStep('codecov/codecov-action@v4', [
        '##[error]Codecov: Failed to properly upload report',
      ]),
    ]);
    expect(classifyGateLog(log)).toMatchObject({
      class: 'unknown',
      signature: 'repository-policy/codecov',
    });
  });

  it("falls back to the failing step's name when its output shows nothing", () => {
    const log = anActionsLog([aFailingStep('./scripts/check.sh', ['3 files need attention'])]);
    expect(classifyGateLog(log, { step: 'Check formatting' })).toMatchObject({
      class: 'fmt',
      basis: 'step-name',
    });
  });

  it('fails closed when the log shows no failure at all', () => {
    const truncated = anActionsLog([aPassingStep('pytest -v', ['tests/test_a.py::test_a PASSED'])]);
    expect(classifyGateLog(truncated)).toMatchObject({ class: 'unknown', basis: 'none' });
    expect(classifyGateLog('')).toMatchObject({ class: 'unknown', basis: 'none' });
  });

  it('attaches file-and-line annotations of the deciding tool', () => {
    const verdict = classifyGateLog(anActionsLog([aFailingStep('npx eslint .', eslintFailure)]));
    expect(verdict.annotations).toEqual([
      {
        path: 'src/poll.ts',
        line: 12,
        column: 9,
        message: "'timer' is assigned a value but never used",
        tool: 'eslint',
      },
    ]);
  });

  it('locates rustc errors from the ` --> ` line under the message', () => {
    const cargoBuild = aFailingStep(
      'cargo build',
      [
        'error[E0432]: unresolved import `mq_labels`',
        ' --> crates/mq-notify/src/lib.rs:2:5',
        '  |',
        'error: could not compile `mq-notify` (lib) due to 1 previous error',
      ],
      101,
    );
    expect(classifyGateLog(anActionsLog([cargoBuild])).annotations).toEqual([
      {
        path: 'crates/mq-notify/src/lib.rs',
        line: 2,
        column: 5,
        message: 'unresolved import `mq_labels`',
        tool: 'rust',
      },
    ]);
  });
});
