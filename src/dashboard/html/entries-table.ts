import { pullUrl } from '../github-links.js';
import { priorityText, stagingText, stateText, stateTone } from '../entry-text.js';
import type { QueueEntryView, QueueView } from '../queue-view.js';
import { clockText, etaText } from '../time-text.js';
import { html, type Html } from './html.js';
import type { PageContext } from './page-context.js';
import { entryActionPath } from './paths.js';
import { badge, none, postForm, steerToken, timeAgo } from './parts.js';

/** The queue in the order it will be tested, one row per pull request. */
export function renderEntriesTable(view: QueueView, page: PageContext): Html {
  if (view.entries.length === 0)
    return html`<p class="empty">
      No pull requests are queued. Label a pull request <code>merge-queue</code> (or this
      repository's queue label) to queue it.
    </p>`;
  const csrf = steerToken(page);
  return html`<div class="table-wrap" role="region" aria-labelledby="queue-caption" tabindex="0">
    <table class="data">
      <caption id="queue-caption" class="visually-hidden">
        Queued pull requests, in the order they will be tested
      </caption>
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">Pull request</th>
          <th scope="col">State</th>
          <th scope="col">Staging</th>
          <th scope="col">Waiting on</th>
          <th scope="col">ETA</th>
          ${csrf ? html`<th scope="col">Actions</th>` : ''}
        </tr>
      </thead>
      <tbody>
        ${view.entries.map((entry) => row(view, entry, page, csrf))}
      </tbody>
    </table>
  </div>`;
}

function row(view: QueueView, entry: QueueEntryView, page: PageContext, csrf: string | null): Html {
  const priority = priorityText(entry.priority);
  return html`<tr>
    <th scope="row" class="num">${entry.position}</th>
    <td>
      ${prLink(view, entry, page)}${priority ? html` ${badge(priority, entry.priority === 'high' ? 'accent' : 'neutral')}` : ''}
      <div class="muted small">
        queued by ${entry.queuedBy} ${timeAgo(entry.queuedAt, page.now)}
      </div>
    </td>
    <td>${badge(stateText(entry.state), stateTone(entry.state))}</td>
    <td>${entry.staging ? stagingText(entry.staging) : none('Not staged')}</td>
    <td>
      ${
        entry.waitingOn
          ? html`${entry.waitingOn.text}
              <div class="muted small">since ${timeAgo(entry.waitingOn.since, page.now)}</div>`
          : none('Nothing reported yet')
      }
    </td>
    <td>
      ${entry.eta ? timeAgo(entry.eta, page.now, etaText(entry.eta, page.now)) : none('No estimate')}${entry.eta ? html`<div class="muted small">${clockText(entry.eta, page.now)}</div>` : ''}
    </td>
    ${csrf ? html`<td class="actions">${actions(view, entry, page, csrf)}</td>` : ''}
  </tr> `;
}

function prLink(view: QueueView, entry: QueueEntryView, page: PageContext): Html {
  const url = pullUrl(page.serverUrl, view.repo, entry.number);
  const label = html`#${entry.number}`;
  const title = entry.title ? html` <span class="pr-title">${entry.title}</span>` : '';
  return url ? html`<a href="${url}">${label}${title}</a>` : html`${label}${title}`;
}

function actions(view: QueueView, entry: QueueEntryView, page: PageContext, csrf: string): Html {
  const button = (action: 'dequeue' | 'retry', text: string, kind: string) =>
    postForm({
      action: entryActionPath(page.basePath, view, entry.entryId, action),
      csrf,
      body: html`<button type="submit" class="btn btn-small ${kind}">
        ${text}<span class="visually-hidden"> #${entry.number}</span>
      </button>`,
    });
  return html`${entry.state === 'blocked' ? button('retry', 'Retry', '') : ''}${button('dequeue', 'Dequeue', 'btn-danger')}`;
}
