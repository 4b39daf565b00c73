import { html, type Html } from './html.js';
import type { PageContext } from './page-context.js';
import { indexPath, signInPath, signOutPath, stylesheetPath } from './paths.js';

export interface Crumb {
  text: string;
  /** Absent for the current page. */
  href?: string;
}

/**
 * Every page's frame: a skip link, the header (where you are, who you are), a notice after an
 * action, the page itself. No script and no inline style: the page's CSP allows neither.
 */
export function renderLayout(input: {
  title: string;
  page: PageContext;
  main: Html;
  crumbs?: Crumb[];
  /** Where signing in comes back to: this page. */
  returnTo?: string;
}): string {
  const { page } = input;
  const document = html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light dark" />
        <title>${input.title}</title>
        <link rel="stylesheet" href="${stylesheetPath(page.basePath)}" />
        <link rel="icon" href="data:," />
      </head>
      <body>
        <a class="skip-link" href="#main">Skip to content</a>
        <header class="app-header">
          <div class="container header-inner">
            <a class="brand" href="${indexPath(page.basePath)}">Sluice</a>
            ${crumbsOf(input.crumbs ?? [])}
            <div class="account">${account(page, input.returnTo)}</div>
          </div>
        </header>
        <main id="main" class="container" tabindex="-1">
          ${page.notice ? html`<p class="flash" role="status">${page.notice}</p>` : ''}
          ${input.main}
        </main>
      </body>
    </html> `;
  return document.text;
}

function crumbsOf(crumbs: Crumb[]): Html {
  if (crumbs.length === 0) return html``;
  const items = crumbs.map((crumb) =>
    crumb.href
      ? html`<li><a href="${crumb.href}">${crumb.text}</a></li>`
      : html`<li><span aria-current="page">${crumb.text}</span></li>`,
  );
  return html`<nav class="crumbs" aria-label="Breadcrumb">
    <ol>
      ${items}
    </ol>
  </nav>`;
}

function account(page: PageContext, returnTo: string | undefined): Html {
  if (page.user === null) {
    const query = returnTo ? `?return_to=${encodeURIComponent(returnTo)}` : '';
    return html`<a href="${signInPath(page.basePath)}${query}">Sign in</a>`;
  }
  const signOut = page.csrfToken
    ? html`<form method="post" action="${signOutPath(page.basePath)}" class="inline-form">
        <input type="hidden" name="csrf" value="${page.csrfToken}" /><button
          type="submit"
          class="btn btn-small"
        >
          Sign out
        </button>
      </form>`
    : '';
  return html`<span class="muted">Signed in as</span>
    <strong>${page.user.login}</strong> ${signOut}`;
}
