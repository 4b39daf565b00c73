import type { NoticeWrite } from './port.js';
import { isUnknownOutcome, requestFailure } from './request-failure.js';
import { withOperation } from './request-operation.js';

/**
 * A failed comment, label or check-run write in the port's words. 5xx or no answer: it may
 * have been applied (GitHub sometimes writes, then 502s), so the caller looks before sending
 * it again. A rate limit (429, or 403 with `retry-after` or GitHub's "rate limit" message)
 * wrote nothing: send it later. Any other 4xx is a refusal that repeating will not change.
 */
export function noticeWriteOutcome(error: unknown): Exclude<NoticeWrite, { kind: 'ok' }> {
  const failure = requestFailure(error);
  if (isUnknownOutcome(failure)) return { kind: 'unknown', message: failure.message };
  const headers = (error as { response?: { headers?: Record<string, unknown> } })?.response
    ?.headers;
  const limited =
    failure.status === 429 ||
    (failure.status === 403 &&
      (headers?.['retry-after'] !== undefined || /rate limit/i.test(failure.message)));
  if (limited) return { kind: 'throttled', message: failure.message };
  return { kind: 'rejected', status: failure.status, message: failure.message };
}

/** Sends a write once and turns any failure into its outcome, logged at debug level. */
export async function sendNotice(
  log: { debug(fields: object, message?: string): void } | undefined,
  operation: string,
  call: () => Promise<unknown>,
): Promise<NoticeWrite> {
  try {
    await withOperation(operation, call);
    return { kind: 'ok' };
  } catch (error) {
    const outcome = noticeWriteOutcome(error);
    log?.debug({ operation, outcome }, 'GitHub write did not succeed');
    return outcome;
  }
}
