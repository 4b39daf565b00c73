import { html, type Html } from './html.js';
import { renderLayout } from './layout.js';
import type { PageContext } from './page-context.js';
import { queuePath, repoPath } from './paths.js';
import { badge, plural } from './parts.js';

/** One base branch's queue, as a list shows it. */
export interface QueueSummaryView {
  /** `owner/name`. */
  repo: string;
  base: string;
  active: number;
  paused: boolean;
}

export interface IndexView {
  installations: {
    /** The account the app is installed on (or a group name: `Public repositories`). */
    account: string;
    repos: { repo: string; private: boolean; queues: QueueSummaryView[] }[];
  }[];
  /** The label that queues a PR, for the empty state; `merge-queue` by default. */
  queueLabel?: string;
}

/** Every queue this person can see, by installation and repository. */
export function renderIndexPage(model: IndexView, page: PageContext): string {
  const installations = model.installations.filter((i) => i.repos.length > 0);
  const main =
    installations.length === 0
      ? html`<h1>Merge queues</h1>
          ${emptyState(model.queueLabel ?? 'merge-queue')}`
      : html`<h1>Merge queues</h1>
          ${installations.map(
            (installation, index) =>
              html`<section aria-labelledby="installation-${index}">
                <h2 id="installation-${index}">${installation.account}</h2>
                <div
                  class="table-wrap"
                  role="region"
                  aria-labelledby="installation-${index}"
                  tabindex="0"
                >
                  <table class="data">
                    <caption class="visually-hidden">
                      Repositories of ${installation.account} and their queues
                    </caption>
                    <thead>
                      <tr>
                        <th scope="col">Repository</th>
                        <th scope="col">Queues</th>
                      </tr>
                    </thead>
                    <tbody>
                      ${installation.repos.map(
                        (repo) =>
                          html`<tr>
                            <th scope="row">
                              <a href="${repoPath(page.basePath, repo.repo)}">${repo.repo}</a
                              >${repo.private ? html` ${badge('Private', 'neutral')}` : ''}
                            </th>
                            <td>${queueList(repo.queues, page)}</td>
                          </tr> `,
                      )}
                    </tbody>
                  </table>
                </div>
              </section> `,
          )}`;
  return renderLayout({
    title: 'Merge queues · Sluice',
    page,
    main,
    returnTo: `${page.basePath}/`,
  });
}

/** Each queue as a link with how many wait in it and whether it is paused. */
export function queueList(queues: QueueSummaryView[], page: PageContext): Html {
  if (queues.length === 0) return html`<span class="muted">No queue yet</span>`;
  return html`<ul class="queue-list">
    ${queues.map(
      (q) =>
        html`<li>
          <a href="${queuePath(page.basePath, q)}">${q.base}</a>
          <span class="muted">${plural(q.active, 'queued', 'queued')}</span
          >${q.paused ? html` ${badge('Paused', 'attention')}` : ''}
        </li>`,
    )}
  </ul>`;
}

export function emptyState(label: string): Html {
  return html`<div class="empty">
    <h2>No queues yet</h2>
    <p>
      Label a pull request <code>${label}</code> to queue it. Its base branch's queue appears here
      as soon as Sluice picks it up.
    </p>
    <p class="muted">
      Only repositories where the Sluice app is installed, and that you can read, are listed.
    </p>
  </div>`;
}
