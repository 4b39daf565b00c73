/** The dashboard's pages, as HTML strings: what the routes in src/web serve. */
export { dashboardCss } from './dashboard-css.js';
export { renderErrorPage } from './error-page.js';
export { escapeHtml, html, raw, type Html, type HtmlValue } from './html.js';
export { renderIndexPage, type IndexView, type QueueSummaryView } from './index-page.js';
export type { PageContext } from './page-context.js';
export { renderQueuePage } from './queue-page.js';
export { renderRepoPage, type RepoView } from './repo-page.js';
export { renderSignInPage } from './sign-in-page.js';
