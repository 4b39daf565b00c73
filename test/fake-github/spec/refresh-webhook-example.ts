import { EXAMPLE_REFRESHES, type ExampleRefresh, type Json } from './stale-example-refreshes.js';

/**
 * Test support: applies the refreshes of stale-example-refreshes.ts to a copy of an
 * @octokit/webhooks-examples payload.
 */
/** A refreshed copy of `example`, and the refreshes that changed something. */
export function refreshWebhookExample(
  event: string,
  example: unknown,
  refreshes: readonly ExampleRefresh[] = EXAMPLE_REFRESHES,
): { payload: Json; applied: ExampleRefresh[] } {
  const payload = structuredClone(example) as Json;
  const applied = refreshes.filter(
    (refresh) =>
      refresh.events.includes(event) &&
      refresh.at
        .flatMap((pointer) => objectsAt(payload, pointer))
        .map((target) => applyRefresh(refresh, target, payload))
        .some(Boolean),
  );
  return { payload, applied };
}

function applyRefresh(refresh: ExampleRefresh, target: Json, payload: Json): boolean {
  let changed = false;
  for (const [field, compute] of Object.entries(refresh.add ?? {})) {
    if (field in target) continue;
    target[field] = compute(target, payload);
    changed = true;
  }
  for (const [field, rewrite] of Object.entries(refresh.rewrite ?? {})) {
    const value = rewrite(target[field]);
    if (field in target && value !== target[field]) {
      target[field] = value;
      changed = true;
    }
  }
  return changed;
}

function objectsAt(root: unknown, pointer: string): Json[] {
  let current: unknown[] = [root];
  for (const segment of pointer.split('/').slice(1)) {
    current = current.flatMap((node) => {
      if (segment === '*') return Array.isArray(node) ? (node as unknown[]) : [];
      return isObject(node) ? [node[segment]] : [];
    });
  }
  return current.filter(isObject);
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
