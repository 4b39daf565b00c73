import { describe, expect, it } from '@jest/globals';
import { errorsOf, located, onlyErrorOf, yaml } from './sluice-yml.js';

describe('schema errors point at the line the user wrote', () => {
  it('points a wrong value in a nested section at the value', () => {
    const error = onlyErrorOf(yaml`
      queue:
        label: ready
      landing:
        strategy: squash
    `);
    expect(located(error)).toEqual({
      line: 4,
      column: 13,
      keyPath: 'landing.strategy',
      kind: 'not-one-of',
    });
    expect(error.message).toBe(
      '`landing.strategy` must be one of fast-forward, merge-api; you wrote `squash`.',
    );
    expect(error.fix).toBe('Change it to `fast-forward` or `merge-api`.');
  });

  it('points a misspelt key at the key and suggests the setting it resembles', () => {
    const error = onlyErrorOf(yaml`
      queue:
        label: ready
        required_approvals: 2
    `);
    expect(located(error)).toEqual({
      line: 3,
      column: 3,
      keyPath: 'queue.required_approvals',
      kind: 'unknown-key',
    });
    expect(error.fix).toBe(
      'Did you mean `requiredApprovals`? Rename `required_approvals` to `requiredApprovals`.',
    );
  });

  it('lists the known settings when an unknown key resembles none of them', () => {
    const error = onlyErrorOf(yaml`
      landing:
        colour: blue
    `);
    expect(error.fix).toBe(
      'Remove `colour`; the settings under `landing` are `strategy`, `comment`.',
    );
  });

  it('suggests a section for a misspelt top-level key', () => {
    const error = onlyErrorOf('mergeMesage:\n  trailers: false\n');
    expect(located(error)).toEqual({
      line: 1,
      column: 1,
      keyPath: 'mergeMesage',
      kind: 'unknown-key',
    });
    expect(error.fix).toContain('Did you mean `mergeMessage`?');
  });

  it('points at the offending item of a block list', () => {
    const error = onlyErrorOf(yaml`
      checks:
        required:
          - build
          - 42
          - test
    `);
    expect(located(error)).toEqual({
      line: 4,
      column: 7,
      keyPath: 'checks.required[1]',
      kind: 'wrong-type',
    });
  });

  it('points at the offending item of a flow list', () => {
    const error = onlyErrorOf('checks:\n  required: [build, "", test]\n');
    expect(located(error)).toEqual({
      line: 2,
      column: 21,
      keyPath: 'checks.required[1]',
      kind: 'too-small',
    });
  });

  it('points at a field inside a list entry', () => {
    const error = onlyErrorOf(yaml`
      gates:
        rules:
          - check: rustfmt
            class: fmt
          - step: Run tests
            class: tests
    `);
    expect(located(error)).toEqual({
      line: 6,
      column: 14,
      keyPath: 'gates.rules[1].class',
      kind: 'not-one-of',
    });
    expect(error.fix).toContain('Did you mean `test`?');
  });

  it('points a list entry missing a required key at the entry', () => {
    const error = onlyErrorOf(yaml`
      gates:
        rules:
          - check: rustfmt
    `);
    expect(located(error)).toEqual({
      line: 3,
      column: 7,
      keyPath: 'gates.rules[0].class',
      kind: 'missing-key',
    });
  });

  it('points a scalar where a section belongs at the scalar', () => {
    const error = onlyErrorOf('queue: merge-queue\n');
    expect(located(error)).toEqual({ line: 1, column: 8, keyPath: 'queue', kind: 'wrong-type' });
    expect(error.message).toBe('`queue` must be a mapping of settings; you wrote `merge-queue`.');
  });

  it('points an empty value at its key', () => {
    const error = onlyErrorOf('queue:\n  label:\n');
    expect(located(error)).toEqual({
      line: 2,
      column: 3,
      keyPath: 'queue.label',
      kind: 'wrong-type',
    });
    expect(error.fix).toBe('Write it like the default: `label: merge-queue`.');
  });

  it('points a value that came through an alias at the alias', () => {
    const error = onlyErrorOf(yaml`
      queue: &shared
        label: ready
      landing: *shared
    `);
    expect(located(error)).toEqual({
      line: 3,
      column: 10,
      keyPath: 'landing.label',
      kind: 'unknown-key',
    });
  });

  it('points at a value in a flow mapping', () => {
    const error = onlyErrorOf('gates: { retryBudget: { perPullRequest: 99 } }\n');
    expect(located(error)).toEqual({
      line: 1,
      column: 41,
      keyPath: 'gates.retryBudget.perPullRequest',
      kind: 'too-big',
    });
  });

  it('counts columns after a byte-order mark as an editor shows them', () => {
    const error = onlyErrorOf('\uFEFFlanding:\n  strategy: squash\n');
    expect(located(error)).toMatchObject({ line: 2, column: 13 });
    expect(located(onlyErrorOf('\uFEFFlandng: {}\n'))).toMatchObject({ line: 1, column: 1 });
  });

  it('counts lines of a file with Windows line endings', () => {
    const error = onlyErrorOf('queue:\r\n  label: ready\r\nlanding:\r\n  strategy: squash\r\n');
    expect(located(error)).toMatchObject({ line: 4, column: 13 });
  });

  it('reports every problem, in the order of the file', () => {
    const errors = errorsOf(yaml`
      unknown: 1
      queue:
        onPush: rebase
        lable: x
      gates:
        blockAfterConsecutiveFailures: 0
    `);
    expect(errors.map((error) => [error.line, error.keyPath])).toEqual([
      [1, 'unknown'],
      [3, 'queue.onPush'],
      [4, 'queue.lable'],
      [6, 'gates.blockAfterConsecutiveFailures'],
    ]);
    expect(new Set(errors.map((error) => error.path))).toEqual(new Set(['.github/sluice.yml']));
  });

  it('names a YAML merge key as unsupported rather than unknown', () => {
    const error = onlyErrorOf('queue:\n  <<: { label: x }\n');
    expect(located(error)).toEqual({
      line: 2,
      column: 3,
      keyPath: 'queue["<<"]',
      kind: 'unknown-key',
    });
    expect(error.message).toBe('YAML merge keys (`<<`) are not supported under `queue`.');
  });
});
