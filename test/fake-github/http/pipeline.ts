import type { World } from '../world/world.js';
import type { RepoState } from '../world/types.js';
import type { Caller, HandlerContext, HandlerResult, HandlerTable } from '../handlers/types.js';
import type { WebhookBus, EventInput } from '../webhooks/bus.js';
import type { GitHubSpec, CoverageRecorder } from '../spec/index.js';
import { invalidRequestMessage } from '../spec/index.js';
import type { FaultTable, FaultRule } from './faults.js';
import type { RaceTable } from './races.js';
import type { RefHub } from '../events/ref-hub.js';
import type { PullHub } from '../events/pull-hub.js';
import { GitHubError } from './github-error.js';
import { authenticate, describeCaller } from '../auth/authenticate.js';
import { acceptedPermissionsHeader, isPermitted } from '../auth/permissions.js';
import { apiHeaders } from './api-headers.js';
import { isRawBody } from './raw-body.js';
import { authorizeUserToServer } from '../oauth/user-to-server.js';

export interface PipelineDeps {
  world: World;
  spec: GitHubSpec;
  coverage: CoverageRecorder;
  handlers: HandlerTable;
  webhooks: WebhookBus;
  refs: RefHub;
  pulls: PullHub;
  faults: FaultTable;
  races: RaceTable;
  /** Strict: an off-spec answer of the stand-in itself becomes a 500 so it cannot go unnoticed. */
  strict: boolean;
}

/** The outcome of one API request: the answer, plus the webhooks to send once it is out. */
export interface Handled {
  response: Response;
  held: EventInput[];
  /** Close the connection instead of answering. */
  drop: boolean;
}

interface Answer {
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}): Answer => ({
  status,
  body,
  headers,
});

function errorAnswer(error: GitHubError): Answer {
  return json(error.status, error.body(), error.extra.headers ?? {});
}

/**
 * One REST request through the stand-in: route by the spec, authenticate, enforce installation
 * permissions, inject faults, validate the request, run the handler, validate the answer,
 * log it. Every step that GitHub would refuse is refused the way GitHub refuses it.
 */
export async function handleApiRequest(deps: PipelineDeps, request: Request): Promise<Handled> {
  const { world, spec } = deps;
  const started = performance.now();
  const url = new URL(request.url);
  const method = request.method.toUpperCase();
  const path = url.pathname;
  const route = spec.match(method, `${url.pathname}${url.search}`);
  let operationId: string | null = null;
  let caller: Caller | undefined;
  let held: EventInput[] = [];
  let requestBody: unknown = undefined;
  let fault: FaultRule | undefined;

  const answer = await (async (): Promise<Answer> => {
    if (route.kind !== 'operation') {
      world.recordViolation({
        kind: 'unknown-endpoint',
        subject: `${method} ${path}`,
        detail: route.kind,
        at: world.clock.now(),
      });
      return json(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
    }
    operationId = route.operationId;
    const handler = deps.handlers[operationId];
    if (!handler) {
      world.recordViolation({
        kind: 'unimplemented',
        subject: operationId,
        detail: `${method} ${path}`,
        at: world.clock.now(),
      });
      return json(501, {
        message: `fake-github does not implement ${operationId}`,
        documentation_url: 'https://docs.github.com/rest',
      });
    }
    try {
      caller = authenticate(world, operationId, request.headers.get('authorization'));
      // Read before any fault answers, so the request log shows what a faulted call sent
      // (and a blind retry of it is recognisable).
      requestBody = await readJson(request);
      fault = deps.faults.take(operationId, method);
      if (fault && (fault.when ?? 'before') === 'before' && replacesAnswer(fault))
        return faultAnswer(fault);
      if (caller.kind === 'installation' && !isPermitted(operationId, caller.permissions)) {
        throw new GitHubError(403, 'Resource not accessible by integration', {
          headers: { 'x-accepted-github-permissions': acceptedPermissionsHeader(operationId) },
        });
      }
      caller = authorizeUserToServer(world, caller, operationId, route.pathParams);
      const repo = resolveRepo(world, caller, route.pathParams, method, operationId);
      const check = spec.validateRequest({
        operationId,
        pathParams: route.pathParams,
        query: route.query,
        body: requestBody,
      });
      if (!check.ok) {
        const message = invalidRequestMessage(check.problems);
        world.recordViolation({
          kind: 'app-bad-request',
          subject: operationId,
          detail: message,
          at: world.clock.now(),
        });
        throw new GitHubError(422, message);
      }
      const ctx: HandlerContext = {
        world,
        webhooks: deps.webhooks,
        refs: deps.refs,
        pulls: deps.pulls,
        operationId,
        params: route.pathParams,
        query: check.query,
        body: (requestBody ?? {}) as Record<string, unknown>,
        caller,
        repo,
        url,
        headers: request.headers,
        // The racing push is someone else's: its webhooks go out even if this request fails.
        race: () => deps.webhooks.outsideRequest(() => deps.races.run(operationId!)),
      };
      // Someone else acts after the caller's last read and before this request is handled:
      // what a forced write without an expected old value silently overwrites.
      await deps.webhooks.outsideRequest(() => deps.races.run(`arrival:${operationId}`));
      const run = await deps.webhooks.hold(() => handler(ctx));
      held = run.held;
      const result: HandlerResult = run.result;
      if (fault && replacesAnswer(fault)) return faultAnswer(fault);
      return json(result.status, result.body ?? null, result.headers ?? {});
    } catch (error) {
      if (error instanceof GitHubError) return errorAnswer(error);
      const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
      world.recordViolation({
        kind: 'fake-bad-response',
        subject: operationId,
        detail: `handler threw: ${detail}`,
        at: world.clock.now(),
      });
      return json(500, {
        message: `fake-github handler error: ${String(error)}`,
        documentation_url: '',
      });
    }
  })();

  if (
    operationId !== null &&
    !(fault && replacesAnswer(fault)) &&
    answer.status !== 501 &&
    !isRawBody(answer)
  ) {
    const check = spec.validateResponse({
      operationId,
      status: answer.status,
      body: answer.body ?? undefined,
      contentType: answer.headers['content-type'],
    });
    const errors = check.ok ? [] : check.errors;
    if (errors.length > 0) {
      world.recordViolation({
        kind: 'fake-bad-response',
        subject: `${String(operationId)} ${answer.status}`,
        detail: errors.join('\n'),
        at: world.clock.now(),
      });
      if (deps.strict) {
        answer.status = 500;
        answer.body = {
          message: `fake-github answered off-spec for ${String(operationId)}: ${errors.slice(0, 5).join('; ')}`,
          documentation_url: '',
        };
      }
    }
  }
  if (operationId !== null) deps.coverage.recordOperation(operationId, answer.status);
  if (fault?.delayMs) await new Promise((r) => setTimeout(r, fault!.delayMs));
  world.requests.push({
    seq: world.requests.length + 1,
    method,
    path: `${path}${url.search}`,
    operationId,
    status: answer.status,
    caller: describeCaller(caller),
    body: requestBody,
    faulted: fault !== undefined,
    ms: Math.round(performance.now() - started),
    at: world.clock.now(),
    arrivedAtMs: performance.timeOrigin + started,
  });
  const headers = { ...apiHeaders(world, operationId), ...answer.headers };
  const noBody =
    answer.status === 204 ||
    answer.status === 304 ||
    (answer.status >= 300 && answer.status < 400 && answer.body === null);
  const payload = noBody ? null : isRawBody(answer) ? answer.body : JSON.stringify(answer.body);
  const response = new Response(payload, { status: answer.status, headers });
  return { response, held, drop: fault?.drop === true };
}

/** A rule with only a delay slows the real answer down; anything else replaces it. */
function replacesAnswer(fault: FaultRule): boolean {
  return fault.status !== undefined || fault.message !== undefined || fault.delayMs === undefined;
}

function faultAnswer(fault: FaultRule): Answer {
  const status = fault.status ?? 500;
  return json(
    status,
    { message: fault.message ?? 'Server Error', documentation_url: 'https://docs.github.com/rest' },
    fault.headers ?? {},
  );
}

async function readJson(request: Request): Promise<unknown> {
  const text = await request.text();
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new GitHubError(400, 'Problems parsing JSON');
  }
}

/**
 * Repos outside the installation (or private repos a user cannot see) are invisible: 404,
 * exactly like a missing repo. A user needs write access to change anything but their own
 * pull requests and comments.
 */
function resolveRepo(
  world: World,
  caller: Caller,
  params: Record<string, string>,
  method: string,
  operationId: string,
): HandlerContext['repo'] {
  if (params.owner === undefined || params.repo === undefined) return undefined;
  const repo = world.repo(`${params.owner}/${params.repo}`);
  if (!repo) throw new GitHubError(404, 'Not Found');
  switch (caller.kind) {
    case 'app':
      if (!world.installationFor(caller.app.id, repo)) throw new GitHubError(404, 'Not Found');
      return repo;
    case 'installation':
      if (world.installationFor(caller.app.id, repo) !== caller.installation)
        throw new GitHubError(404, 'Not Found');
      return repo;
    case 'user': {
      const role = roleOf(repo, caller.account.login);
      if (!role && repo.private) throw new GitHubError(404, 'Not Found');
      const write = method !== 'GET' && method !== 'HEAD';
      const anyoneMay = new Set([
        'pulls/create',
        'issues/create-comment',
        'pulls/update',
        'pulls/create-review',
        'issues/create',
      ]);
      if (
        write &&
        !anyoneMay.has(operationId) &&
        !['admin', 'maintain', 'write'].includes(role ?? '')
      ) {
        throw new GitHubError(403, 'Must have admin rights to Repository.');
      }
      return repo;
    }
  }
}

function roleOf(repo: RepoState, login: string): string | undefined {
  if (repo.owner.login.toLowerCase() === login.toLowerCase()) return 'admin';
  return repo.collaborators.get(login.toLowerCase());
}
