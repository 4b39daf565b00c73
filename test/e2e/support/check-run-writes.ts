import type { RequestLogEntry } from '../../fake-github/world/logs.js';

/** One check-run write the stand-in answered, whether it came through REST or GraphQL. */
export interface CheckRunWriteSeen {
  seq: number;
  /** Virtual time of the request. */
  at: Date;
  kind: 'create' | 'update';
  /** The run's REST id (an update's); undefined for a create. */
  runId: number | undefined;
  /** A create's head and name. */
  headSha: string | undefined;
  name: string | undefined;
  status: string | undefined;
  title: string | undefined;
  summary: string | undefined;
}

interface Fields {
  name?: string;
  status?: string;
  output?: { title?: string; summary?: string };
}

/** The stand-in's node ids are `<prefix>_kgDO<id in base 36>` (world/ids.ts). */
function runIdOfNode(nodeId: unknown): number | undefined {
  const digits = /^CR_kgDO([0-9A-Z]+)$/.exec(String(nodeId))?.[1];
  return digits === undefined ? undefined : Number.parseInt(digits, 36);
}

function restWrite(request: RequestLogEntry): CheckRunWriteSeen[] {
  const body = (request.body ?? {}) as Fields & { head_sha?: string };
  const create = request.operationId === 'checks/create';
  return [
    {
      seq: request.seq,
      at: request.at,
      kind: create ? 'create' : 'update',
      runId: create ? undefined : Number(/\/check-runs\/(\d+)/.exec(request.path)?.[1]),
      headSha: body.head_sha,
      name: body.name,
      status: body.status,
      title: body.output?.title,
      summary: body.output?.summary,
    },
  ];
}

/** Each aliased `createCheckRun`/`updateCheckRun` of a mutation, from its input variable. */
function graphqlWrites(request: RequestLogEntry): CheckRunWriteSeen[] {
  const body = (request.body ?? {}) as { query?: string; variables?: Record<string, unknown> };
  const fields = [
    ...(body.query ?? '').matchAll(/(\w+):\s*(createCheckRun|updateCheckRun)\(input:\s*\$(\w+)\)/g),
  ];
  return fields.map(([, , mutation, variable]) => {
    const input = (body.variables?.[variable!] ?? {}) as Fields & {
      headSha?: string;
      checkRunId?: string;
    };
    const create = mutation === 'createCheckRun';
    return {
      seq: request.seq,
      at: request.at,
      kind: create ? 'create' : 'update',
      runId: create ? undefined : runIdOfNode(input.checkRunId),
      headSha: input.headSha,
      name: input.name,
      status: input.status?.toLowerCase(),
      title: input.output?.title,
      summary: input.output?.summary,
    };
  });
}

/**
 * Every check-run write in the request log answered 2xx, in order: REST creates and updates,
 * and the writes batched into GraphQL mutations (one request, many writes; an alias GraphQL
 * refused inside an answered request is still listed — the log keeps no answers).
 */
export function checkRunWritesIn(requests: readonly RequestLogEntry[]): CheckRunWriteSeen[] {
  return requests.flatMap((request) => {
    if (request.status >= 300) return [];
    if (request.operationId === 'checks/create' || request.operationId === 'checks/update')
      return restWrite(request);
    if (/^graphql-mutation\/.*CheckRun/.test(request.operationId ?? ''))
      return graphqlWrites(request);
    return [];
  });
}
