import { describe, expect, it } from '@jest/globals';
import { validateMergeTemplate } from '../../../src/merge-subject/index.js';

describe('validateMergeTemplate', () => {
  it.each([
    ['{title} (#{number})', []],
    ['sluice: merge {number} {type} {title}', []],
    ['{type}({scope}): {description} (#{number}) by {author} into {base}', []],
    ['{title}', ['subject-without-number']],
    ['sluice: merge {number}', ['subject-without-title']],
  ])('accepts %s', (template, warnings) => {
    expect(validateMergeTemplate(template)).toMatchObject({ ok: true, warnings });
  });

  it.each([
    [
      '{title} ({pr})',
      'uses unknown placeholder {pr}; known: {title}, {number}, {type}, {scope}, {description}, {author}, {base}',
    ],
    ['{title}\n{number}', 'must be a single line'],
    ['{title} {number', 'has an unmatched brace in " {number"'],
    ['{type}{title} #{number}', 'needs text between placeholders before {title}'],
    ['{title} #{number} #{number}', 'uses {number} twice'],
    ['{title}: {description} #{number}', 'may contain {title} or {description}, not both'],
  ])('rejects %s with the fix in the reason', (template, reason) => {
    expect(validateMergeTemplate(template)).toEqual({ ok: false, reason });
  });
});
