/** What the stand-in records so a test can assert on traffic and fail on dishonesty. */

export type ViolationKind =
  | 'unknown-endpoint'
  | 'unimplemented'
  | 'app-bad-request'
  | 'fake-bad-response'
  | 'bad-webhook'
  | 'webhook-failed';

export interface Violation {
  kind: ViolationKind;
  /** operationId, webhook key or path. */
  subject: string;
  detail: string;
  at: Date;
}

export interface RequestLogEntry {
  seq: number;
  method: string;
  path: string;
  operationId: string | null;
  status: number;
  /** Who called: `app:<id>`, `installation:<id>`, `anonymous`. */
  caller: string;
  /** Request body as sent (parsed JSON), for asserting on writes. */
  body: unknown;
  /** A fault rule answered instead of the handler. */
  faulted: boolean;
  ms: number;
  /** Virtual time when the request arrived. */
  at: Date;
  /** Real time when the request arrived (epoch ms, sub-ms precision), for latency benchmarks. */
  arrivedAtMs: number;
}
