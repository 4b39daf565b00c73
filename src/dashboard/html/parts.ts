/** Small pieces every page uses: times, badges, links to GitHub, forms that carry the token. */
import { sameServerUrl } from '../github-links.js';
import type { Tone } from '../entry-text.js';
import { relativeText, utcText } from '../time-text.js';
import { html, type Html } from './html.js';
import type { PageContext } from './page-context.js';

/** A relative time that names the exact time on hover and to machines. */
export function timeAgo(at: Date, now: Date, text = relativeText(at, now)): Html {
  return html`<time datetime="${at.toISOString()}" title="${utcText(at)}">${text}</time>`;
}

export function badge(text: string, tone: Tone): Html {
  return html`<span class="badge tone-${tone}">${text}</span>`;
}

/** A link only to a page on the GitHub server the dashboard serves; plain text otherwise. */
export function githubLink(
  page: PageContext,
  url: string | null | undefined,
  text: Html | string,
): Html {
  const href = url ? sameServerUrl(page.serverUrl, url) : null;
  return href ? html`<a href="${href}">${text}</a>` : html`${text}`;
}

/** The token forms need, when this person may steer and has a session to prove it. */
export function steerToken(page: PageContext): string | null {
  return page.canSteer && page.csrfToken ? page.csrfToken : null;
}

/** A POST form back to the dashboard, with the session's CSRF token. */
export function postForm(input: {
  action: string;
  csrf: string;
  body: Html;
  className?: string;
}): Html {
  return html`<form
    method="post"
    action="${input.action}"
    class="${input.className ?? 'inline-form'}"
  >
    <input type="hidden" name="csrf" value="${input.csrf}" />${input.body}
  </form>`;
}

/** A dash for a missing value, read out as the given words. */
export function none(words: string): Html {
  return html`<span aria-hidden="true" class="muted">—</span
    ><span class="visually-hidden">${words}</span>`;
}

export function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}
