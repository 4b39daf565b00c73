import { describe, expect, it } from '@jest/globals';
import { noticeFrom } from '../../../src/web/action-notices.js';
import { statusOf } from '../../../src/web/error-status.js';
import { safeReturnPath } from '../../../src/web/sign-in-flow.js';

const home = '/sluice/';

describe('safeReturnPath', () => {
  it('keeps a path of the dashboard itself', () => {
    expect(safeReturnPath('/sluice/repos/a/b')).toBe('/sluice/repos/a/b');
    expect(safeReturnPath('/sluice/repos/a/b/queues/release%2F1.x')).toBe(
      '/sluice/repos/a/b/queues/release%2F1.x',
    );
    expect(safeReturnPath('/sluice/')).toBe('/sluice/');
  });

  it('goes home when there is nowhere to return to', () => {
    expect(safeReturnPath(null)).toBe(home);
    expect(safeReturnPath('')).toBe(home);
  });

  it('never sends the browser to another site', () => {
    for (const evil of [
      '//evil.com',
      '//evil.com/sluice/',
      'https://evil.com',
      'https://evil.com/sluice/',
      '/sluice/\\evil',
      '/\\evil.com',
      'evil.com/sluice/',
      '/sluicex/',
      '/sluice',
    ])
      expect(safeReturnPath(evil)).toBe(home);
  });

  it('takes printable ASCII only, what a Location header may hold', () => {
    expect(safeReturnPath('/sluice/%E2%9C%93')).toBe('/sluice/%E2%9C%93');
    for (const unsafe of [
      '/sluice/✓',
      decodeURIComponent('/sluice/%E2%9C%93'),
      '/sluice/\r\nset-cookie: a=b',
      '/sluice/\n',
      '/sluice/a b',
      '/sluice/\t',
      '/sluice/\x7f',
    ])
      expect(safeReturnPath(unsafe)).toBe(home);
  });
});

function noticeOf(query: string): string | undefined {
  return noticeFrom(new URL(`http://dashboard.invalid/sluice/repos/a/b/queues/main?${query}`));
}

describe('noticeFrom', () => {
  it('says what an action did, from the fixed list', () => {
    expect(noticeOf('done=paused')).toBe(
      'Queue paused. Every queued pull request now says so and why.',
    );
    expect(noticeOf('done=resumed')).toBe('Queue resumed.');
    expect(noticeOf('done=not-paused')).toBe(
      'The queue was not paused by an operator: nothing to resume.',
    );
    expect(noticeOf('done=dequeue&pr=12')).toBe(
      'Asked Sluice to dequeue #12. Its check run says when it is done.',
    );
    expect(noticeOf('done=retry&pr=7')).toBe('Asked Sluice to retry #7.');
  });

  it('says nothing without a done it knows', () => {
    expect(noticeOf('')).toBeUndefined();
    expect(noticeOf('done=')).toBeUndefined();
    expect(noticeOf('done=<script>alert(1)</script>')).toBeUndefined();
    expect(noticeOf('done=Paused')).toBeUndefined();
  });

  it('knows only its own keys, none an object inherits', () => {
    for (const inherited of ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__'])
      expect(noticeOf(`done=${inherited}`)).toBeUndefined();
  });

  it('never echoes a pr that is not a number', () => {
    for (const pr of ['<b>1</b>', '12abc', '-1', '1.5', '1234567890', '%0A12', ' 12'].map(
      encodeURIComponent,
    )) {
      const notice = noticeOf(`done=retry&pr=${pr}`);
      expect(notice).toBe('Asked Sluice to retry the pull request.');
      expect(notice).not.toContain(decodeURIComponent(pr));
    }
  });
});

describe('statusOf', () => {
  it('reads the HTTP status a failed GitHub request carries', () => {
    expect(statusOf(Object.assign(new Error('Bad credentials'), { status: 401 }))).toBe(401);
    expect(statusOf({ status: 502 })).toBe(502);
  });

  it('is undefined for anything else', () => {
    expect(statusOf(new Error('boom'))).toBeUndefined();
    expect(statusOf({ status: '401' })).toBeUndefined();
    expect(statusOf(null)).toBeUndefined();
    expect(statusOf(undefined)).toBeUndefined();
    expect(statusOf('401')).toBeUndefined();
  });
});
