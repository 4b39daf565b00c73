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

function findRepeatedWrites(world: World): string[] {
  const problems: string[] = [];
  const writes = world.requests.filter(
    (r) => r.method !== 'GET' && r.method !== 'HEAD' && !r.faulted,
  );
  for (let i = 1; i < writes.length; i++) {
    const [prev, cur] = [writes[i - 1]!, writes[i]!];
    const same =
      prev.method === cur.method &&
      prev.path === cur.path &&
      JSON.stringify(prev.body) === JSON.stringify(cur.body);
    if (same && prev.status >= 400 && cur.caller === prev.caller) {
      problems.push(
        `repeated write after ${prev.status}: ${cur.method} ${cur.path} (a blind retry?)`,
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
