import { describe, expect, it } from '@jest/globals';
import { stringify } from 'yaml';
import { listConfigFields } from '../../../src/config/list-config-fields.js';
import { errorsOf, located } from './sluice-yml.js';

/** `gates.rules[].check` → `{ gates: { rules: [{ class: 'fmt', check: value }] } }`. */
function documentSetting(keyPath: string, value: unknown): Record<string, unknown> {
  const [head = '', ...rest] = keyPath.split('.');
  if (rest.length === 0) return { [head]: value };
  const inner = documentSetting(rest.join('.'), value);
  // A list entry also needs its required `class`, so only the setting under test is wrong.
  if (head.endsWith('[]')) return { [head.slice(0, -2)]: [{ class: 'fmt', ...inner }] };
  return { [head]: inner };
}

const settings = listConfigFields().filter((field) => field.kind === 'setting');

describe('every setting', () => {
  it('has a description for the docs and the editor', () => {
    for (const field of settings)
      expect([field.keyPath, field.description.length > 20]).toEqual([field.keyPath, true]);
  });

  it('has a default unless it belongs to a list entry', () => {
    const undocumented = settings.filter(
      (field) => !field.keyPath.includes('[]') && !('default' in field),
    );
    expect(undocumented.map((field) => field.keyPath)).toEqual(['_extends']);
  });

  it.each(settings.map((field) => [field.keyPath, field] as const))(
    '%s rejects a value of the wrong type, pointing at it',
    (keyPath, field) => {
      // A list where a mapping belongs, and a mapping anywhere else, is wrong for every setting.
      const wrong = keyPath === 'changelog.types' ? ['a'] : { wrong: 1 };
      const text = stringify(documentSetting(keyPath, wrong));
      const [error] = errorsOf(text);
      const expectedPath = keyPath.replace('[]', '[0]');
      const line =
        text.split('\n').findIndex((l) => l.includes(`${expectedPath.split('.').at(-1)}:`)) + 1;
      expect(located(error!)).toEqual({
        keyPath: expectedPath,
        // A choice reports the options rather than the type: both say what is allowed. A setting
        // that takes a word or a number (`queue.parallel: auto | 4`) matches neither.
        kind:
          keyPath === 'queue.parallel'
            ? 'unexpected'
            : field.options === undefined
              ? 'wrong-type'
              : 'not-one-of',
        // Block mappings and lists start on the line after their key.
        line: line + 1,
        column: expect.any(Number),
      });
    },
  );
});
