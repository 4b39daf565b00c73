import { html } from './html.js';
import { emptyState, queueList, type QueueSummaryView } from './index-page.js';
import { renderLayout } from './layout.js';
import type { PageContext } from './page-context.js';
import { indexPath, repoPath } from './paths.js';

export interface RepoView {
  /** `owner/name`. */
  repo: string;
  queues: QueueSummaryView[];
  queueLabel?: string;
}

/** A repository's queues: one per base branch with pull requests queued or a pause. */
export function renderRepoPage(model: RepoView, page: PageContext): string {
  const main = html`<h1>${model.repo}</h1>
    ${
      model.queues.length === 0
        ? emptyState(model.queueLabel ?? 'merge-queue')
        : html`<section aria-labelledby="queues-heading">
            <h2 id="queues-heading">Queues by base branch</h2>
            ${queueList(model.queues, page)}
          </section>`
    }`;
  return renderLayout({
    title: `${model.repo} · Sluice`,
    page,
    main,
    returnTo: repoPath(page.basePath, model.repo),
    crumbs: [{ text: 'All queues', href: indexPath(page.basePath) }, { text: model.repo }],
  });
}
