import type { RefWrite } from './port.js';
import { isUnknownOutcome, requestFailure } from './request-failure.js';

/**
 * A refused ref write in the port's words. GitHub answers 422 for every refusal and tells
 * them apart only by message: "Reference does not exist" (missing) versus "Update is not a
 * fast forward", "Reference already exists", "Reference cannot be updated", a protected
 * branch, a missing object (all rejected). 5xx or no answer: the write may have happened.
 */
export function refWriteOutcome(error: unknown): Exclude<RefWrite, { kind: 'ok' }> {
  const failure = requestFailure(error);
  if (isUnknownOutcome(failure)) return { kind: 'unknown', message: failure.message };
  if (failure.status === 404 || /^reference does not exist/i.test(failure.message)) {
    return { kind: 'missing' };
  }
  return { kind: 'rejected', message: `${failure.status} ${failure.message}` };
}
