import { readLimitedBody } from '../runtime/read-limited-body.js';
import type { DashboardContext, DashboardRequest } from './dashboard-context.js';
import { sameSecret } from '../runtime/same-secret.js';

/** A form of the dashboard is a token and a reason: a few kilobytes is plenty. */
const maxFormBytes = 16 * 1024;

/**
 * Every POST: a signed-in session, a form from our own pages (the session's CSRF token, and
 * an Origin, when the browser sends one, that is ours).
 */
export async function readForm(
  context: DashboardContext,
  request: DashboardRequest,
): Promise<URLSearchParams | undefined> {
  const { env, fail } = context;
  if (!request.session) {
    fail(request, 401, 'Sign in to change a queue.');
    return undefined;
  }
  const origin = request.req.headers.origin;
  const ours = env.appUrl ? new URL(env.appUrl).origin : `http://${request.req.headers.host}`;
  if (origin !== undefined && origin !== 'null' && origin !== ours && !sameHost(origin, request)) {
    fail(request, 403, 'This form was sent from another site; nothing was changed.');
    return undefined;
  }
  const body = await readLimitedBody(request.req, maxFormBytes);
  if (body.kind !== 'complete') {
    fail(request, 413, 'The form was too large; nothing was changed.');
    return undefined;
  }
  const form = new URLSearchParams(body.body.toString('utf8'));
  if (!sameSecret(request.session.csrf, form.get('csrf'))) {
    fail(
      request,
      403,
      'The form is out of date or did not come from this dashboard (its CSRF token does not ' +
        'match); nothing was changed. Reload the page and try again.',
    );
    return undefined;
  }
  return form;
}

/**
 * The host alone, not the scheme: an https Origin still matches a request that a proxy ending
 * TLS passed on as http.
 */
function sameHost(origin: string, request: DashboardRequest): boolean {
  try {
    return new URL(origin).host === request.req.headers.host;
  } catch {
    return false;
  }
}
