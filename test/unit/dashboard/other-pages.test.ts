import { describe, expect, it } from '@jest/globals';
import {
  dashboardCss,
  renderErrorPage,
  renderIndexPage,
  renderRepoPage,
  renderSignInPage,
  type IndexView,
} from '../../../src/dashboard/html/index.js';
import { aPage } from './builders.js';
import {
  buttonNames,
  elements,
  expectNothingTheCspForbids,
  linksByText,
  openTags,
  textOf,
} from './html-probe.js';

const index: IndexView = {
  installations: [
    {
      account: 'acme',
      repos: [
        {
          repo: 'acme/widgets',
          private: true,
          queues: [
            { repo: 'acme/widgets', base: 'main', active: 3, paused: false },
            { repo: 'acme/widgets', base: 'release/1.x', active: 1, paused: true },
          ],
        },
      ],
    },
  ],
};

describe('renderIndexPage', () => {
  it('lists each installation’s repositories with a link to each queue', () => {
    const page = renderIndexPage(index, aPage());
    expect(elements(page, 'h2').map(textOf)).toEqual(['acme']);
    expect(linksByText(page)).toEqual(
      expect.arrayContaining([
        { text: 'acme/widgets', href: '/sluice/repos/acme/widgets' },
        { text: 'main', href: '/sluice/repos/acme/widgets/queues/main' },
        { text: 'release/1.x', href: '/sluice/repos/acme/widgets/queues/release%2F1.x' },
      ]),
    );
    const row = textOf(elements(page, 'tr')[1]!);
    expect(row).toBe('acme/widgets Private main 3 queued release/1.x 1 queued Paused');
    expectNothingTheCspForbids(page);
  });

  it('says what to do when there is no queue yet', () => {
    const page = renderIndexPage({ installations: [{ account: 'acme', repos: [] }] }, aPage());
    expect(textOf(page)).toContain('No queues yet Label a pull request merge-queue to queue it.');
  });

  it('escapes names from outside', () => {
    const page = renderIndexPage(
      { installations: [{ account: '<script>x</script>', repos: [] }], queueLabel: '"><i>' },
      aPage(),
    );
    expect(page).not.toContain('<script>x');
    expect(openTags(page).some((t) => t.name === 'i')).toBe(false);
  });
});

describe('renderRepoPage', () => {
  it('links each base branch’s queue', () => {
    const page = renderRepoPage(
      { repo: 'acme/widgets', queues: index.installations[0]!.repos[0]!.queues },
      aPage(),
    );
    expect(textOf(elements(page, 'h1')[0]!)).toBe('acme/widgets');
    expect(linksByText(page).map((l) => l.text)).toEqual(
      expect.arrayContaining(['main', 'release/1.x']),
    );
  });
});

describe('the header', () => {
  it('offers to sign in, and to come back to this page after', () => {
    const page = renderRepoPage(
      { repo: 'acme/widgets', queues: [] },
      aPage({ user: null, csrfToken: null, canSteer: false }),
    );
    expect(linksByText(page)).toContainEqual({
      text: 'Sign in',
      href: '/sluice/login?return_to=%2Fsluice%2Frepos%2Facme%2Fwidgets',
    });
    expect(buttonNames(page)).toEqual([]);
  });

  it('names who is signed in, with a sign-out form that carries the token', () => {
    const page = renderRepoPage({ repo: 'acme/widgets', queues: [] }, aPage());
    expect(textOf(elements(page, 'header')[0]!)).toContain('Signed in as alice');
    const form = elements(page, 'form')[0]!;
    expect(openTags(form)[0]!.attributes).toMatchObject({
      method: 'post',
      action: '/sluice/logout',
    });
    expect(openTags(form)).toContainEqual({
      name: 'input',
      attributes: { type: 'hidden', name: 'csrf', value: 'tok-123' },
    });
    expect(buttonNames(page)).toEqual(['Sign out']);
  });
});

describe('renderSignInPage', () => {
  it('links to the sign-in route', () => {
    const page = renderSignInPage(aPage({ user: null, csrfToken: null }), { publicRepos: false });
    expect(linksByText(page)).toContainEqual({
      text: 'Sign in with GitHub',
      href: '/sluice/login',
    });
    expect(textOf(page)).not.toContain('public repositories are open');
  });

  it('says public queues are open to everyone when they are, and when signing in is not set up', () => {
    const page = renderSignInPage(aPage({ user: null }), {
      publicRepos: true,
      signInAvailable: false,
    });
    expect(textOf(page)).toContain('Queues of public repositories are open to everyone.');
    expect(linksByText(page).map((l) => l.text)).not.toContain('Sign in with GitHub');
  });
});

describe('renderErrorPage', () => {
  it('says what went wrong, escaped, with the way back', () => {
    const page = renderErrorPage(404, 'No queue <b>here</b>.', aPage());
    expect(textOf(elements(page, 'main')[0]!)).toBe(
      'Not found No queue <b>here</b>. HTTP 404 Back to all queues',
    );
    expect(openTags(page).some((t) => t.name === 'b')).toBe(false);
    expectNothingTheCspForbids(page);
  });
});

describe('dashboardCss', () => {
  it('shows focus, hides visually-hidden text from sight only, and has a dark scheme', () => {
    expect(dashboardCss).toContain(':focus-visible');
    expect(dashboardCss).toContain('.visually-hidden');
    expect(dashboardCss).toContain('@media (prefers-color-scheme: dark)');
  });
});
