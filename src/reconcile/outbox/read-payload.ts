import type { CheckRunRender } from '../../messages/index.js';
import type { OutboxRow } from '../../store/types.js';

/** A row's payload in the shape its kind promises, or the reason it is not (fail closed). */
export type Payload =
  | { kind: 'comment'; body: string }
  | { kind: 'add-labels'; labels: string[] }
  | { kind: 'remove-label'; label: string }
  | { kind: 'check-run'; render: CheckRunRender; fingerprint: string }
  | { kind: 'unreadable'; reason: string };

export function readPayload(row: OutboxRow): Payload {
  const payload = (
    typeof row.payload === 'object' && row.payload !== null ? row.payload : {}
  ) as Record<string, unknown>;
  const bad = { kind: 'unreadable', reason: `unreadable ${row.kind} payload` } as const;
  switch (row.kind) {
    case 'comment':
      return typeof payload.body === 'string' ? { kind: 'comment', body: payload.body } : bad;
    case 'add-labels': {
      const labels = payload.labels;
      return Array.isArray(labels) && labels.every((l) => typeof l === 'string')
        ? { kind: 'add-labels', labels: labels }
        : bad;
    }
    case 'remove-label':
      return typeof payload.label === 'string'
        ? { kind: 'remove-label', label: payload.label }
        : bad;
    case 'check-run': {
      const render = payload.render as Partial<CheckRunRender> | null | undefined;
      const readable =
        typeof payload.fingerprint === 'string' &&
        typeof render?.title === 'string' &&
        typeof render.summary === 'string' &&
        typeof render.status === 'string' &&
        Array.isArray(render.actions) &&
        Array.isArray(render.annotations);
      return readable
        ? {
            kind: 'check-run',
            render: render as CheckRunRender,
            fingerprint: payload.fingerprint as string,
          }
        : bad;
    }
  }
}
