import { describe, expect, it } from '@jest/globals';
import {
  classifyGateLog,
  createGateScanner,
  GateScannerFinishedError,
  matchNamePattern,
  type GateContext,
} from '../../../src/gates/index.js';
import { aFailingStep, anActionsLog } from './log-builders.js';

const failingTestLog = anActionsLog([
  aFailingStep('cargo test', ['test result: FAILED. 1 passed; 1 failed; 0 ignored']),
]);

function classify(context: GateContext): ReturnType<typeof classifyGateLog> {
  return classifyGateLog(failingTestLog, context);
}

describe('the order of evidence', () => {
  it.each(['cancelled', 'timed_out', 'startup_failure', 'stale'] as const)(
    'calls a %s run infra before reading the log',
    (conclusion) => {
      expect(classify({ conclusion })).toMatchObject({
        class: 'infra',
        basis: 'conclusion',
        signature: `conclusion/${conclusion}`,
      });
    },
  );

  it('lets configuration give aborted runs another class', () => {
    expect(
      classify({ conclusion: 'timed_out', conclusionClasses: { timed_out: 'test' } }).class,
    ).toBe('test');
  });

  it.each(['success', 'neutral', 'skipped', 'action_required'] as const)(
    'fails closed on a %s check instead of guessing',
    (conclusion) => {
      expect(classify({ conclusion }).class).toBe('unknown');
    },
  );

  it('reads the log when the conclusion is failure or not known', () => {
    expect(classify({ conclusion: 'failure' }).class).toBe('test');
    expect(classify({ conclusion: null }).class).toBe('test');
  });

  it('applies the first configured rule whose patterns all match, before the log', () => {
    const rules = [
      { check: 'docs-*', job: 'build', class: 'lint' as const },
      { check: 'flaky-*', class: 'infra' as const },
      { check: '*', class: 'build' as const },
    ];
    expect(classify({ check: 'flaky-e2e', rules })).toMatchObject({
      class: 'infra',
      basis: 'rule',
      signature: 'rule/2',
    });
  });

  it('matches step rules against the failing step found in the log', () => {
    const rules = [{ step: 'run cargo *', class: 'build' as const }];
    expect(classify({ rules })).toMatchObject({ class: 'build', step: 'Run cargo test' });
  });

  it('never applies a rule without patterns', () => {
    expect(classify({ rules: [{ class: 'infra' }] }).class).toBe('test');
  });

  it('matches name globs whole and case-insensitively', () => {
    expect(matchNamePattern('CI / test*', 'ci / test (ubuntu)')).toBe(true);
    expect(matchNamePattern('test', 'integration test')).toBe(false);
    expect(matchNamePattern('lint?', 'lint1')).toBe(true);
    expect(matchNamePattern('a.b', 'axb')).toBe(false);
  });

  it('refuses input after the verdict was given', () => {
    const scanner = createGateScanner();
    scanner.push('FAIL\n');
    scanner.finish();
    expect(() => scanner.push('more')).toThrow(GateScannerFinishedError);
    expect(() => scanner.finish()).toThrow(GateScannerFinishedError);
  });

  it('reports the check, confidence and the deciding line with context', () => {
    const verdict = classify({ check: 'test' });
    expect(verdict).toMatchObject({
      check: 'test',
      class: 'test',
      signature: 'cargo-test/result-failed',
      confidence: 0.95,
    });
    expect(verdict.context).toContain('test result: FAILED. 1 passed; 1 failed; 0 ignored');
    expect(failingTestLog.split('\n')[verdict.line! - 1]).toContain('test result: FAILED');
  });
});
