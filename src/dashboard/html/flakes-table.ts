import type { QueueView } from '../queue-view.js';
import { html, type Html } from './html.js';
import type { PageContext } from './page-context.js';
import { timeAgo } from './parts.js';

/** Failures a re-run of the same commit turned green, the most frequent first. */
export function renderFlakesTable(view: QueueView, page: PageContext): Html {
  if (view.flakes.length === 0)
    return html`<p class="empty">
      No flaky failures recorded: no failed check has passed on a re-run of the same commit.
    </p>`;
  return html`<div class="table-wrap" role="region" aria-labelledby="flakes-caption" tabindex="0">
    <table class="data">
      <caption id="flakes-caption" class="visually-hidden">
        Flaky failures: checks that failed, then passed on a re-run of the same commit
      </caption>
      <thead>
        <tr>
          <th scope="col">Job</th>
          <th scope="col">Signature</th>
          <th scope="col" class="num">Times</th>
          <th scope="col">Last seen</th>
        </tr>
      </thead>
      <tbody>
        ${view.flakes.map(
          (flake) =>
            html`<tr>
              <th scope="row">${flake.job}</th>
              <td><code>${flake.signature}</code></td>
              <td class="num">${flake.count}</td>
              <td>${timeAgo(flake.lastSeen, page.now)}</td>
            </tr> `,
        )}
      </tbody>
    </table>
  </div>`;
}
