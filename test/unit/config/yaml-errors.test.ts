import { describe, expect, it } from '@jest/globals';
import { errorsOf, located, onlyErrorOf, yaml } from './sluice-yml.js';

describe('YAML that cannot be read is reported where it breaks', () => {
  it('points an unclosed quote at the quote, not where the text runs out', () => {
    const error = onlyErrorOf(yaml`
      queue:
        label: "merge-queue
      landing:
        strategy: fast-forward
    `);
    expect(located(error)).toEqual({ line: 2, column: 10, keyPath: '', kind: 'yaml-syntax' });
    expect(error.message).toMatch(/^`\.github\/sluice\.yml` is not valid YAML: /);
  });

  it('locates a key indented deeper than its siblings', () => {
    const error = onlyErrorOf(yaml`
      queue:
        label: ready
          onPush: retest
    `);
    expect(located(error)).toMatchObject({ line: 3, kind: 'yaml-syntax' });
  });

  it('tells a tab in the indentation apart from other syntax errors', () => {
    const nested = onlyErrorOf('queue:\n\tlabel: ready\n');
    expect(located(nested)).toEqual({ line: 2, column: 1, keyPath: '', kind: 'yaml-syntax' });
    expect(nested.fix).toBe(
      'Indent with spaces: YAML does not allow tab characters in indentation.',
    );
    const atTopLevel = onlyErrorOf('\tqueue:\n  label: ready\n');
    expect(atTopLevel.fix).toBe(nested.fix);
  });

  it('refuses a repeated key at the repetition, naming the setting and its first line', () => {
    const error = onlyErrorOf(yaml`
      queue:
        label: a
        onPush: retest
        label: b
    `);
    expect(located(error)).toEqual({
      line: 4,
      column: 3,
      keyPath: 'queue.label',
      kind: 'duplicate-key',
    });
    expect(error.message).toBe(
      '`queue.label` is set twice in `.github/sluice.yml`: on line 2 and again here.',
    );
    expect(error.fix).toBe(
      'Keep only one of the repeated keys: a key may appear once in each mapping.',
    );
  });

  it('refuses a repeated key inside a list entry, with the entry in its name', () => {
    const error = onlyErrorOf(yaml`
      gates:
        rules:
          - step: fmt
            class: fmt
          - step: lint
            class: lint
            step: clippy
    `);
    expect(located(error)).toEqual({
      line: 7,
      column: 7,
      keyPath: 'gates.rules[1].step',
      kind: 'duplicate-key',
    });
    expect(error.message).toContain('on line 5 and again here');
  });

  it('treats keys as text, so `1` and `"1"` are the same key written twice', () => {
    const error = onlyErrorOf('labels:\n  failed:\n    1: a\n    "1": b\n');
    expect(located(error)).toEqual({
      line: 4,
      column: 5,
      keyPath: 'labels.failed.1',
      kind: 'duplicate-key',
    });
  });

  it('names an alias to an anchor that does not exist', () => {
    const error = onlyErrorOf('queue:\n  label: *missing\n');
    expect(located(error)).toEqual({ line: 2, column: 10, keyPath: '', kind: 'undefined-alias' });
    expect(error.message).toBe(
      '`.github/sluice.yml` uses the alias `*missing`, but no anchor `&missing` is written above it.',
    );
    expect(error.fix).toContain('Define the anchor');
  });

  it('refuses an alias written above its anchor', () => {
    const error = onlyErrorOf('checks:\n  required: *names\nchangelog:\n  hidden: &names [a]\n');
    expect(located(error)).toMatchObject({ line: 2, kind: 'undefined-alias' });
  });

  it.each([['!!js/function "() => 1"'], ['!!binary aGk='], ['!shout merge-queue']])(
    'refuses the tag in `label: %s`',
    (value) => {
      const error = onlyErrorOf(`queue:\n  label: ${value}\n`);
      expect(located(error)).toEqual({ line: 2, column: 10, keyPath: '', kind: 'yaml-syntax' });
      expect(error.fix).toBe(
        'Remove the tag (the word starting with `!`): Sluice reads plain YAML values only.',
      );
    },
  );

  it('reads YAML 1.2 even under a `%YAML 1.1` directive: `yes` is text, `<<` a key', () => {
    const errors = errorsOf('%YAML 1.1\n---\nqueue:\n  probes: yes\n  <<: { label: x }\n');
    expect(errors.map((error) => [error.keyPath, error.kind])).toEqual([
      ['queue.probes', 'wrong-type'],
      ['queue["<<"]', 'unknown-key'],
    ]);
  });

  it('refuses a second document and points at its separator', () => {
    const error = onlyErrorOf('queue:\n  label: a\n---\nqueue:\n  label: b\n');
    expect(located(error)).toEqual({ line: 3, column: 1, keyPath: '', kind: 'multiple-documents' });
  });

  it('accepts a leading document marker', () => {
    expect(() => onlyErrorOf('---\nqueue:\n  label: a\n')).toThrow('expected config errors');
  });

  it.each([
    ['a list', '- queue\n- landing\n', 'a list of 2 items'],
    ['a plain string', 'merge-queue\n', '`merge-queue`'],
    ['a number', '42\n', '`42`'],
  ])('refuses %s as the whole file', (_name, text, described) => {
    const error = onlyErrorOf(text);
    expect(located(error)).toEqual({ line: 1, column: 1, keyPath: '', kind: 'root-not-mapping' });
    expect(error.message).toBe(
      `\`.github/sluice.yml\` must be a mapping of settings such as \`queue:\`; it holds ${described}.`,
    );
  });

  it('refuses a complex (non-scalar) key where it is written', () => {
    const error = onlyErrorOf('? [a, b]\n: value\n');
    expect(located(error)).toEqual({ line: 1, column: 3, keyPath: '', kind: 'yaml-syntax' });
    expect(error.fix).toBe('Write every key as plain text followed by a colon, such as `label:`.');
  });
});
