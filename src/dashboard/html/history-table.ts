import { outcomeText, outcomeTone } from '../entry-text.js';
import { pullUrl } from '../github-links.js';
import type { HistoryItemView, QueueView } from '../queue-view.js';
import { html, type Html } from './html.js';
import type { PageContext } from './page-context.js';
import { badge, githubLink, none, timeAgo } from './parts.js';

/** What left the queue and what happened to it, newest first. */
export function renderHistoryTable(view: QueueView, page: PageContext): Html {
  if (view.history.length === 0) return html`<p class="empty">Nothing has happened here yet.</p>`;
  return html`<div class="table-wrap" role="region" aria-labelledby="history-caption" tabindex="0">
    <table class="data">
      <caption id="history-caption" class="visually-hidden">
        Recent landings, dequeues and pauses, newest first
      </caption>
      <thead>
        <tr>
          <th scope="col">Time</th>
          <th scope="col">Pull request</th>
          <th scope="col">Outcome</th>
          <th scope="col">Gate</th>
          <th scope="col">Reason</th>
          <th scope="col">Evidence</th>
        </tr>
      </thead>
      <tbody>
        ${view.history.map((item) => row(view, item, page))}
      </tbody>
    </table>
  </div>`;
}

function row(view: QueueView, item: HistoryItemView, page: PageContext): Html {
  return html`<tr>
    <td class="nowrap">${timeAgo(item.at, page.now)}</td>
    <th scope="row">${subject(view, item, page)}</th>
    <td>${badge(outcomeText(item.kind), outcomeTone(item.kind))}</td>
    <td>${item.gateClass ? badge(item.gateClass, 'neutral') : none('None')}</td>
    <td>
      ${item.reason ?? none('None given')}${item.by && item.number === undefined ? html`<div class="muted small">by ${item.by}</div>` : ''}
    </td>
    <td>${evidence(item, page)}</td>
  </tr> `;
}

function subject(view: QueueView, item: HistoryItemView, page: PageContext): Html {
  if (item.number === undefined) return html`<span class="muted">Whole queue</span>`;
  return githubLink(page, pullUrl(page.serverUrl, view.repo, item.number), `#${item.number}`);
}

function evidence(item: HistoryItemView, page: PageContext): Html {
  if (!item.url) return none('None');
  const what = item.kind === 'landed' ? 'Commit' : 'Failed job';
  const about = item.number === undefined ? '' : ` of #${item.number}`;
  const link = githubLink(
    page,
    item.url,
    html`${what}<span class="visually-hidden">${about}</span>`,
  );
  return link;
}
