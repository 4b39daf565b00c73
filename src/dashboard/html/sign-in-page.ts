import { html } from './html.js';
import { renderLayout } from './layout.js';
import type { PageContext } from './page-context.js';
import { signInPath } from './paths.js';

/** The front door for someone not signed in. */
export function renderSignInPage(
  page: PageContext,
  options: { publicRepos: boolean; signInAvailable?: boolean },
): string {
  const scope = options.publicRepos
    ? 'Queues of public repositories are open to everyone. Sign in to see the queues of your private repositories, and to pause, resume, dequeue or retry where you have write access.'
    : 'Sign in to see the merge queues of the repositories you can read, and to pause, resume, dequeue or retry where you have write access.';
  const action =
    options.signInAvailable === false
      ? html`<p class="banner tone-attention">
          Signing in is not set up on this server yet; ask its operator.
        </p>`
      : html`<p>
          <a class="btn btn-primary btn-large" href="${signInPath(page.basePath)}"
            >Sign in with GitHub</a
          >
        </p>`;
  const main = html`<div class="sign-in">
    <h1>Sluice merge queues</h1>
    <p>${scope}</p>
    ${action}
    <p class="muted small">
      Signing in tells Sluice who you are and which repositories you can see on GitHub.
    </p>
  </div>`;
  return renderLayout({ title: 'Sign in · Sluice', page, main });
}
