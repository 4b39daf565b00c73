import type { Account, App } from '../world/types.js';

export interface AuthorizePageInput {
  app: App;
  /** Names the pending request; the form posts it back. */
  requestId: string;
  redirectUri: string;
  /** The people who can sign in: the world's users. */
  users: Account[];
  /** Preselected: the `login` parameter, else the signed-in user. */
  selected: string | undefined;
  /** Why the last submit was refused, shown above the form. */
  problem?: string;
}

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** GitHub's pages name their icon; an empty one here keeps browsers off `/favicon.ico`, which the stand-in does not serve. */
function page(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>${escapeHtml(title)}</title><link rel="icon" href="data:,"></head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

function userOptions(users: Account[], selected: string | undefined): string {
  const wanted = selected?.toLowerCase();
  return users
    .map((user) => {
      const login = escapeHtml(user.login);
      const mark = user.login.toLowerCase() === wanted ? ' selected' : '';
      return `<option value="${login}"${mark}>${login}</option>`;
    })
    .join('\n');
}

/**
 * GitHub's "Authorize <app>" page, plain: one form that picks who signs in (the stand-in has
 * no passwords) and answers with Authorize (`authorize=1`) or Cancel (`authorize=0`), the
 * button names and ids GitHub's own page uses, so a headless browser clicks the same things.
 */
export function renderAuthorizePage(input: AuthorizePageInput): string {
  const name = escapeHtml(input.app.name);
  const owner = escapeHtml(input.app.owner.login);
  const signIn =
    input.users.length === 0
      ? '<p id="no-users">No one can sign in: this local GitHub has no users yet.</p>'
      : `<label for="login">Sign in as</label>
<select id="login" name="login">
${userOptions(input.users, input.selected)}
</select>
<button type="submit" id="js-oauth-authorize-btn" name="authorize" value="1">Authorize ${name}</button>`;
  return page(
    `Authorize ${input.app.name}`,
    `<h1>Authorize ${name}</h1>
${input.problem ? `<p id="problem" role="alert">${escapeHtml(input.problem)}</p>\n` : ''}<p>${name} by ${owner} would like permission to verify your GitHub identity, know which resources you can access, and act on your behalf.</p>
<form method="post" action="/login/oauth/authorize">
<input type="hidden" name="authorization_request" value="${escapeHtml(input.requestId)}">
${signIn}
<button type="submit" id="js-oauth-cancel-btn" name="authorize" value="0">Cancel</button>
</form>
<p>Authorizing will redirect to <code>${escapeHtml(input.redirectUri)}</code></p>`,
  );
}

export function renderErrorPage(title: string, message: string): string {
  return page(title, `<h1>${escapeHtml(title)}</h1>\n<p>${escapeHtml(message)}</p>`);
}
