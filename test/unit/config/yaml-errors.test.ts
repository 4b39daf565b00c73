import { describe, expect, it } from '@jest/globals';
import { located, onlyErrorOf, yaml } from './sluice-yml.js';

describe('YAML that cannot be read is reported where it breaks', () => {
  it('locates an unclosed quote', () => {
    const error = onlyErrorOf(yaml`
      queue:
        label: "merge-queue
      landing:
        strategy: fast-forward
    `);
    expect(error.kind).toBe('yaml-syntax');
    expect(error.keyPath).toBe('');
    expect(error.line).toBeGreaterThanOrEqual(2);
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

  it('locates the second of two identical keys', () => {
    const error = onlyErrorOf(yaml`
      queue:
        label: a
        onPush: retest
        label: b
    `);
    expect(located(error)).toEqual({ line: 4, column: 3, keyPath: '', kind: 'yaml-syntax' });
    expect(error.fix).toBe(
      'Keep only one of the repeated keys: a key may appear once in each mapping.',
    );
  });

  it('locates an alias to an anchor that does not exist', () => {
    const error = onlyErrorOf('queue:\n  label: *missing\n');
    expect(located(error)).toMatchObject({ line: 2, kind: 'yaml-syntax' });
    expect(error.fix).toContain('Define the anchor');
  });

  it('refuses custom tags such as !!js/function', () => {
    const error = onlyErrorOf('queue:\n  label: !!js/function "() => 1"\n');
    expect(located(error)).toMatchObject({ line: 2, kind: 'yaml-syntax' });
    expect(error.fix).toBe(
      'Remove the tag (the word starting with `!`): Sluice reads plain YAML values only.',
    );
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

  it('refuses a complex (non-scalar) key', () => {
    const error = onlyErrorOf('? [a, b]\n: value\n');
    expect(error.kind).toBe('yaml-syntax');
    expect(error.fix).toBe('Write every key as plain text followed by a colon, such as `label:`.');
  });
});
