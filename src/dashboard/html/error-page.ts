import { html } from './html.js';
import { renderLayout } from './layout.js';
import type { PageContext } from './page-context.js';
import { indexPath } from './paths.js';

const titles: Record<number, string> = {
  400: 'Bad request',
  401: 'Sign in needed',
  403: 'Not allowed',
  404: 'Not found',
  405: 'Method not allowed',
  413: 'Too large',
  500: 'Something went wrong',
  502: 'Could not load this page',
  503: 'Not available',
};

/** A failure, said in words, with the way back. */
export function renderErrorPage(status: number, message: string, page: PageContext): string {
  const title =
    titles[status] ?? (status >= 500 ? 'Something went wrong' : 'Cannot show this page');
  const main = html`<div class="error-page">
    <h1>${title}</h1>
    <p>${message}</p>
    <p class="muted small">HTTP ${status}</p>
    <p><a href="${indexPath(page.basePath)}">Back to all queues</a></p>
  </div>`;
  return renderLayout({ title: `${title} · Sluice`, page, main });
}
