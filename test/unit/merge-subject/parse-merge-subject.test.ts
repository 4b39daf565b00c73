import { describe, expect, it } from '@jest/globals';
import type { ParsedSubject } from '../../../src/merge-subject/index.js';
import { parseCommitMessage } from '../../../src/merge-subject/index.js';

/** The fields a test cares about; everything else must be the "nothing found" value. */
function parsed(fields: Partial<ParsedSubject>): Omit<ParsedSubject, 'subject'> {
  return {
    format: 'unrecognised',
    type: undefined,
    scope: undefined,
    breaking: false,
    description: '',
    pr: undefined,
    id: undefined,
    revert: undefined,
    ...fields,
  };
}

describe('parseCommitMessage', () => {
  it.each<[string, Partial<ParsedSubject>]>([
    [
      'feat(api): add X',
      { format: 'conventional', type: 'feat', scope: 'api', description: 'add X' },
    ],
    [
      'feat(api)!: drop v1',
      {
        format: 'conventional',
        type: 'feat',
        scope: 'api',
        breaking: true,
        description: 'drop v1',
      },
    ],
    [
      'feat!(api): drop v1',
      {
        format: 'conventional',
        type: 'feat',
        scope: 'api',
        breaking: true,
        description: 'drop v1',
      },
    ],
    [
      'Fix(Parser, CLI): crash',
      { format: 'conventional', type: 'fix', scope: 'Parser,CLI', description: 'crash' },
    ],
    [
      'fix(api/cli): crash',
      { format: 'conventional', type: 'fix', scope: 'api/cli', description: 'crash' },
    ],
    [
      'fix: crash\n\nBREAKING CHANGE: exits 2 now',
      { format: 'conventional', type: 'fix', breaking: true, description: 'crash' },
    ],
    [
      'fix: crash\n\nBREAKING-CHANGE: exits 2 now',
      { format: 'conventional', type: 'fix', breaking: true, description: 'crash' },
    ],
    [
      'feat(api): add X (#12)',
      { format: 'conventional', type: 'feat', scope: 'api', description: 'add X', pr: 12 },
    ],
    ['Add dark mode (#12)', { format: 'github-squash', description: 'Add dark mode', pr: 12 }],
    [
      'Add dark mode (#12) (#15)',
      { format: 'github-squash', description: 'Add dark mode', pr: 15 },
    ],
    [
      'Merge pull request #7 from mona/dark-mode\n\nfeat: dark mode',
      { format: 'github-merge', type: 'feat', description: 'dark mode', pr: 7 },
    ],
    ['Merge pull request #7 from mona/dark-mode', { format: 'github-merge', pr: 7 }],
    [
      'Auto merge of #88 - mona:fast, r=hubot\n\nSpeed up the parser\n\nIt was slow.',
      { format: 'bors', description: 'Speed up the parser', pr: 88 },
    ],
    [
      'Merge #91\n\n91: perf: cache tokens r=hubot a=mona',
      { format: 'bors', type: 'perf', description: 'cache tokens', pr: 91 },
    ],
    [
      'sluice: merge 123 story add login page',
      { format: 'bot-merge', type: 'story', description: 'add login page', id: '123' },
    ],
    [
      'bot: merge ABC-12 bug fix_crash_on_start',
      { format: 'bot-merge', type: 'bug', description: 'fix crash on start', id: 'ABC-12' },
    ],
    [
      'sluice: merge 5 feat feat(api)!: add X',
      {
        format: 'bot-merge',
        type: 'feat',
        scope: 'api',
        breaking: true,
        description: 'add X',
        id: '5',
      },
    ],
    ['sluice: merge 5 change Add X', { format: 'bot-merge', description: 'Add X', id: '5' }],
    ['sluice: merge 456', { format: 'bot-merge-bare', id: '456' }],
    [
      'fix: merge 2 configs',
      { format: 'conventional', type: 'fix', description: 'merge 2 configs' },
    ],
    [
      '1234_story_add_login_page',
      { format: 'legacy-slug', type: 'story', description: 'add login page', id: '1234' },
    ],
    [
      'PROJ-9_bug_null_deref (#30)',
      { format: 'legacy-slug', type: 'bug', description: 'null deref', id: 'PROJ-9', pr: 30 },
    ],
    ['update readme', { format: 'unrecognised', description: 'update readme' }],
  ])('reads %j', (message, fields) => {
    const { subject: _subject, ...rest } = parseCommitMessage(message);
    expect(rest).toEqual(parsed(fields));
  });

  it("reads git's revert with the hash it reverts", () => {
    const result = parseCommitMessage(
      'Revert "feat(api): add X (#12)"\n\nThis reverts commit 0123456789abcdef0123456789abcdef01234567.',
    );
    expect(result).toMatchObject({
      format: 'revert',
      type: 'revert',
      description: 'add X',
      revert: {
        subject: 'feat(api): add X (#12)',
        sha: '0123456789abcdef0123456789abcdef01234567',
        pr: 12,
      },
    });
  });

  it("reads GitHub's revert pull request, squashed", () => {
    const result = parseCommitMessage('Revert "Add dark mode" (#14)\n\nReverts mona/app#12');
    expect(result).toMatchObject({
      format: 'revert',
      pr: 14,
      revert: { subject: 'Add dark mode', pr: 12 },
    });
  });

  it('reads a conventional revert', () => {
    const result = parseCommitMessage('revert: feat: add X');
    expect(result).toMatchObject({
      format: 'revert',
      description: 'add X',
      revert: { subject: 'feat: add X' },
    });
  });

  it('trusts Sluice trailers over the subject', () => {
    const message =
      'Add login (#12)\n\nSome text.\n\nSluice-PR: 12\nSluice-Type: story\nSluice-Scope: auth';
    expect(parseCommitMessage(message)).toMatchObject({
      type: 'story',
      scope: 'auth',
      pr: 12,
      description: 'Add login',
    });
  });

  it('ignores trailer-like lines that are not in the final trailer block', () => {
    const message = 'fix: x (#12)\n\nSluice-PR: 999\nSluice-Type: feat\n\nthanks!';
    expect(parseCommitMessage(message)).toMatchObject({ type: 'fix', pr: 12 });
  });

  it.each([
    [
      'a whitespace-only line before the trailers',
      'x (#1)\n\nText.\n  \t\nSluice-PR: 7\nSluice-Type: fix',
    ],
    ['a message that is only trailers', 'x (#1)\n\nSluice-PR: 7\nSluice-Type: fix\n'],
  ])('finds the trailer block after %s', (_name, message) => {
    expect(parseCommitMessage(message)).toMatchObject({ pr: 7, type: 'fix' });
  });

  it('reads no trailers from a last paragraph that is not all trailers', () => {
    expect(parseCommitMessage('x (#1)\n\nSluice-PR: 7\nthanks').pr).toBe(1);
  });

  it('reads a custom template only when the known grammars find nothing', () => {
    const template = '[{type}] {title} — PR {number}';
    expect(parseCommitMessage('[feat] add X — PR 9', { template })).toMatchObject({
      format: 'template',
      type: 'feat',
      description: 'add X',
      pr: 9,
    });
    expect(parseCommitMessage('fix: y', { template })).toMatchObject({ format: 'conventional' });
  });
});
