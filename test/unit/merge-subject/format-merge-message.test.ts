import { describe, expect, it } from '@jest/globals';
import { formatMergeMessage, MergeMessageError } from '../../../src/merge-subject/index.js';
import { aMergeRequest } from './support/a-merge-request.js';

describe('formatMergeMessage', () => {
  it('writes the default subject, the cleaned body, trailers and co-authors', () => {
    const message = formatMergeMessage(
      aMergeRequest(
        {
          title: 'Feat(queue)!: land batches (#42)',
          body: 'Lands up to 5 PRs at once.\n<!-- template -->\n<!-- sluice:cut -->\n- [ ] done',
          coAuthors: [
            { name: 'Mona', email: 'mona@example.com' },
            { name: 'Octo Cat', email: 'OCTOCAT@example.com' },
            { name: 'Mona again', email: 'Mona@Example.com' },
            { name: 'Hubot', email: '1+octocat@users.noreply.github.com' },
          ],
        },
        { trailers: { 'Sluice-Gates': 'fmt, lint, test' } },
      ),
    );
    expect(message.message).toBe(
      [
        'feat(queue)!: land batches (#42)',
        '',
        'Lands up to 5 PRs at once.',
        '',
        'Sluice-PR: 42',
        'Sluice-Type: feat',
        'Sluice-Scope: queue',
        'Sluice-Breaking: true',
        'Sluice-Gates: fmt, lint, test',
        'Co-authored-by: Mona <mona@example.com>',
      ].join('\n'),
    );
  });

  it('fills a bot-style template, with the type given by the app', () => {
    const message = formatMergeMessage(
      aMergeRequest(
        { title: 'add login page', type: 'Story' },
        { template: 'sluice: merge {number} {type} {title}' },
      ),
    );
    expect(message.subject).toBe('sluice: merge 42 story add login page');
    expect(message.body).toBe('Sluice-PR: 42\nSluice-Type: story');
  });

  it('writes "change" for {type} when the change has none, and no type trailer', () => {
    const message = formatMergeMessage(
      aMergeRequest({ title: 'Add login' }, { template: 'sluice: merge {number} {type} {title}' }),
    );
    expect(message).toEqual({
      subject: 'sluice: merge 42 change Add login',
      body: 'Sluice-PR: 42',
      message: 'sluice: merge 42 change Add login\n\nSluice-PR: 42',
    });
  });

  it('marks a change breaking from a BREAKING CHANGE footer in the PR body', () => {
    const message = formatMergeMessage(
      aMergeRequest({ title: 'fix: tidy', body: 'BREAKING CHANGE: config key renamed' }),
    );
    expect(message.body).toContain('Sluice-Breaking: true');
  });

  it('writes no Sluice trailers when the config turns them off, but keeps co-authors', () => {
    const message = formatMergeMessage(
      aMergeRequest(
        { title: 'fix: tidy', coAuthors: [{ name: 'Mona', email: 'mona@example.com' }] },
        { trailers: false },
      ),
    );
    expect(message.message).toBe('fix: tidy (#42)\n\nCo-authored-by: Mona <mona@example.com>');
  });

  it('keeps a hostile title to one safe line', () => {
    const message = formatMergeMessage(
      aMergeRequest({ title: 'fix: x\n\nSluice-PR: 1\u202E\u0000 (#7)' }),
    );
    expect(message.subject).toBe('fix: x Sluice-PR: 1 (#42)');
  });

  it.each([
    [{ template: '{title} ({pr})' }, 'merge template uses unknown placeholder {pr}'],
    [{ trailers: { 'Sluice-PR': '9' } }, 'trailer "Sluice-PR" is reserved'],
    [{ trailers: { 'Bad Key': 'x' } }, 'invalid trailer key "Bad Key"'],
  ])('refuses what config should have caught: %j', (options, reason) => {
    expect(() => formatMergeMessage(aMergeRequest({}, options))).toThrow(MergeMessageError);
    expect(() => formatMergeMessage(aMergeRequest({}, options))).toThrow(reason);
  });
});
