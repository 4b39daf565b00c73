import { hasAtLeast } from '../queue/permissions.js';
import { queuePath } from '../dashboard/html/paths.js';
import type { ActionDone } from './action-notices.js';
import {
  dashboardBasePath,
  type DashboardContext,
  type DashboardRequest,
} from './dashboard-context.js';
import { notVisible } from './dashboard-pages.js';
import type { DashboardRoute } from './dashboard-routes.js';
import { redirect } from './http-answers.js';
import { statusOf } from './error-status.js';
import { readForm } from './read-form.js';
import type { Session } from './sessions.js';

const maxReasonLength = 300;

type ActionRoute = Extract<DashboardRoute, { kind: 'pause' | 'resume' | 'dequeue' | 'retry' }>;

/**
 * Read fresh: the token is still this person's and still reaches the repository, and their
 * role there is enough right now. Returns the repository's name as GitHub spells it.
 */
async function mayAct(
  context: DashboardContext,
  request: DashboardRequest,
  session: Session,
  repo: string,
): Promise<string | undefined> {
  const { deps, sessions, fail } = context;
  if (!deps.userApi) return undefined;
  const [me, fullName] = await Promise.all([
    deps.userApi.user(session.token),
    deps.userApi.visibleName(session.token, repo),
  ]);
  if (me.id !== session.userId) {
    const cookies = sessions ? [sessions.end()] : [];
    fail(request, 401, 'This session does not match your GitHub account. Sign in again.', cookies);
    return undefined;
  }
  if (!fullName) {
    notVisible(context, request);
    return undefined;
  }
  const [has, needs] = await Promise.all([
    deps.app.permissionOf(fullName, session.login),
    deps.app.minimumPermission(fullName),
  ]);
  if (hasAtLeast(has, needs)) return fullName;
  fail(
    request,
    403,
    `Changing this queue needs ${needs} permission on ${fullName}; you have ${has}.`,
  );
  return undefined;
}

/**
 * Pause, resume, dequeue or retry: a form of our own pages, then the fresh permission check,
 * then the change; back to the queue page, which says what was done.
 */
export async function act(
  context: DashboardContext,
  request: DashboardRequest,
  route: ActionRoute,
): Promise<void> {
  const { deps, fail } = context;
  const form = await readForm(context, request);
  const session = request.session;
  if (!form || !session) return;
  const repo = await mayAct(context, request, session, route.repo);
  if (!repo) return;
  const queue = { repo, base: route.base };
  const back = (done: ActionDone, pr?: number) =>
    redirect(
      request.res,
      `${queuePath(dashboardBasePath, queue)}?done=${done}${pr ? `&pr=${pr}` : ''}`,
    );
  switch (route.kind) {
    case 'pause': {
      const reason = (form.get('reason') ?? '').trim();
      if (reason === '' || reason.length > maxReasonLength)
        return fail(
          request,
          400,
          `Say why the queue is paused, in at most ${maxReasonLength} characters: every ` +
            'queued pull request shows the reason.',
        );
      await deps.app.pause({ ...queue, reason, by: session.login });
      deps.log.info({ ...queue, login: session.login }, 'dashboard: queue paused');
      return back('paused');
    }
    case 'resume': {
      const resumed = await deps.app.resume({ ...queue, by: session.login });
      deps.log.info({ ...queue, login: session.login, resumed }, 'dashboard: queue resumed');
      return back(resumed ? 'resumed' : 'not-paused');
    }
    case 'dequeue':
    case 'retry': {
      const entry = await deps.app.activeEntry(queue, route.entryId);
      if (!entry)
        return fail(request, 404, 'That entry is no longer in this queue; nothing was changed.');
      await deps.app.requestCommand({
        ...queue,
        number: entry.number,
        kind: route.kind,
        by: session.login,
      });
      return back(route.kind, entry.number);
    }
  }
}

/**
 * A POST like every action (a link could sign anyone out): the user token is revoked at GitHub,
 * so a copy of the cookie stops working too, and the session cookie is cleared. A revocation
 * GitHub refuses (the token expired already, GitHub unreachable) does not keep anyone signed in.
 */
export async function signOut(context: DashboardContext, request: DashboardRequest): Promise<void> {
  const form = await readForm(context, request);
  const session = request.session;
  if (!form || !session || !context.sessions) return;
  context.access?.forget(session.token);
  try {
    await context.deps.userApi?.revoke(session.token);
  } catch (error) {
    context.deps.log.warn(
      { status: statusOf(error), login: session.login },
      'dashboard: GitHub did not revoke the token at sign-out; it expires with the session',
    );
  }
  redirect(request.res, `${dashboardBasePath}/`, [context.sessions.end()]);
}
