import type { QueueView } from '../queue-view.js';
import { clockText, durationText } from '../time-text.js';
import { renderDayCharts } from './day-charts.js';
import { renderEntriesTable } from './entries-table.js';
import { renderFlakesTable } from './flakes-table.js';
import { renderHistoryTable } from './history-table.js';
import { html } from './html.js';
import { renderLayout } from './layout.js';
import type { PageContext } from './page-context.js';
import { renderPausedBanner, renderPauseForm } from './pause-controls.js';
import { indexPath, queuePath, repoPath } from './paths.js';
import { plural } from './parts.js';

/** One base branch's queue: what is in it, what left it, how fast it moves. */
export function renderQueuePage(view: QueueView, page: PageContext): string {
  const days = view.days.length;
  const ci =
    view.medianStagingMinutes === null
      ? 'no CI duration known yet'
      : `CI takes about ${durationText(view.medianStagingMinutes * 60_000)}`;
  const main = html`<div class="page-head">
      <div>
        <h1>
          ${view.repo}<span class="visually-hidden"> base branch</span>
          <span class="sep" aria-hidden="true">▸</span> ${view.base}
        </h1>
        <p class="muted">
          ${plural(view.entries.length, 'pull request', 'pull requests')} queued · ${ci} · as of
          ${clockText(view.generatedAt, page.now)}
        </p>
      </div>
      ${renderPauseForm(view, page)}
    </div>
    ${renderPausedBanner(view, page)}
    <section aria-labelledby="queue-heading">
      <h2 id="queue-heading">Queue</h2>
      ${renderEntriesTable(view, page)}
    </section>
    <section aria-labelledby="activity-heading">
      <h2 id="activity-heading">${days === 1 ? 'Today' : `Last ${days} days`}</h2>
      ${renderDayCharts(view)}
    </section>
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">History</h2>
      ${renderHistoryTable(view, page)}
    </section>
    <section aria-labelledby="flakes-heading">
      <h2 id="flakes-heading">Flaky failures</h2>
      ${renderFlakesTable(view, page)}
    </section>`;
  const here = queuePath(page.basePath, view);
  return renderLayout({
    title: `${view.base} · ${view.repo} · Sluice`,
    page,
    main,
    returnTo: here,
    crumbs: [
      { text: 'All queues', href: indexPath(page.basePath) },
      { text: view.repo, href: repoPath(page.basePath, view.repo) },
      { text: view.base },
    ],
  });
}
