import type { QueueView } from '../queue-view.js';
import { html, type Html } from './html.js';
import type { PageContext } from './page-context.js';
import { queueActionPath } from './paths.js';
import { postForm, steerToken, timeAgo } from './parts.js';

/** The longest reason the routes accept. */
export const maxPauseReasonLength = 300;

/** While paused: who, why, since when, and a way to resume when an operator paused it. */
export function renderPausedBanner(view: QueueView, page: PageContext): Html {
  const { paused } = view;
  if (!paused) return html``;
  const csrf = steerToken(page);
  const since = paused.since ? html` ${timeAgo(paused.since, page.now)}` : '';
  const who =
    paused.by.kind === 'config'
      ? html`<p>
          Frozen by the repository's configuration (<code>queue.freeze</code>):
          <q>${paused.reason}</q>. Remove the freeze from the configuration to resume.
        </p>`
      : html`<p>Paused by <strong>${paused.by.login}</strong>${since}: <q>${paused.reason}</q></p>`;
  const resume =
    csrf && paused.by.kind === 'operator'
      ? postForm({
          action: queueActionPath(page.basePath, view, 'resume'),
          csrf,
          body: html`<button type="submit" class="btn btn-primary">Resume queue</button>`,
        })
      : '';
  return html`<section class="banner tone-attention" aria-labelledby="paused-heading">
    <h2 id="paused-heading">Queue paused</h2>
    ${who}
    <p class="muted small">
      Nothing new is tested or landed until it resumes; a staging already testing may finish.
    </p>
    ${resume}
  </section>`;
}

/** The form to pause a running queue, for those who may steer it. */
export function renderPauseForm(view: QueueView, page: PageContext): Html {
  const csrf = steerToken(page);
  if (view.paused || !csrf) return html``;
  return postForm({
    action: queueActionPath(page.basePath, view, 'pause'),
    csrf,
    className: 'pause-form',
    body: html`<label for="pause-reason">Reason</label>
      <input
        id="pause-reason"
        name="reason"
        type="text"
        required
        maxlength="${maxPauseReasonLength}"
        autocomplete="off"
        aria-describedby="pause-help"
      />
      <button type="submit" class="btn">Pause queue</button>
      <p id="pause-help" class="muted small">
        Every queued pull request shows the reason; nothing new is tested or landed until the queue
        is resumed.
      </p>`,
  });
}
