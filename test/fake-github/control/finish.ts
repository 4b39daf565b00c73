import type { World } from '../world/world.js';
import type { WebhookDispatcher } from '../webhooks/dispatcher.js';
import type { ViolationKind } from '../world/logs.js';
import { describeActivity } from './settle.js';

export interface FinishOptions {
  /** Violations the test provoked on purpose. */
  allow?: ViolationKind[];
  /** Fail when the same write call repeats back to back: the sign of a client retrying a 405/409. */
  repeatedWrites?: boolean;
}

/**
 * The end-of-test honesty check: no spec violation, no unimplemented endpoint, no failed
 * delivery, no retry storm. Throws one error listing everything, with the traffic tail.
 */
export function findProblems(
  world: World,
  deliveries: WebhookDispatcher,
  options: FinishOptions = {},
): string[] {
  const allow = new Set(options.allow ?? []);
  const problems = world.violations
    .filter((v) => !allow.has(v.kind))
    .map((v) => `${v.kind}: ${v.subject}\n    ${v.detail.split('\n').slice(0, 6).join('\n    ')}`);
  if (options.repeatedWrites !== false) problems.push(...findRepeatedWrites(world));
  return problems;
}

/**
 * A retry storm: a failed write repeated by the same caller as its very next request, with
 * nothing looked at in between (Probot's retry plugin does exactly that on 405/409/5xx). A
 * client that re-reads before trying again is deciding, not storming.
 */
function findRepeatedWrites(world: World): string[] {
  const problems: string[] = [];
  const lastByCaller = new Map<string, (typeof world.requests)[number]>();
  for (const request of world.requests) {
    const previous = lastByCaller.get(request.caller);
    lastByCaller.set(request.caller, request);
    if (!previous || previous.status < 400) continue;
    // A GraphQL query is a POST that reads: asking again after a 5xx is what a client should do.
    const isQuery = request.operationId?.startsWith('graphql/') === true;
    const isWrite = request.method !== 'GET' && request.method !== 'HEAD' && !isQuery;
    const same =
      previous.method === request.method &&
      previous.path === request.path &&
      JSON.stringify(previous.body) === JSON.stringify(request.body);
    if (isWrite && same && previous.status >= 400) {
      problems.push(
        `repeated write after ${previous.status}: ${request.method} ${request.path} (a blind retry?)`,
      );
    }
  }
  return problems;
}

export function assertClean(
  world: World,
  deliveries: WebhookDispatcher,
  options: FinishOptions = {},
): void {
  const problems = findProblems(world, deliveries, options);
  if (problems.length === 0) return;
  throw new Error(
    `fake-github found ${problems.length} problem(s):\n${problems.join('\n')}\n\n${describeActivity(world, deliveries)}`,
  );
}
