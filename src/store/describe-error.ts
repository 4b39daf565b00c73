/**
 * The reason to show a person. Not `instanceof Error`: errors made by Node itself come from
 * another realm under Jest's VM modules. pg reports a refused connection as an
 * AggregateError with an empty message and the reason in `code`.
 */
export function describeError(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    const { message, code } = error as { message?: unknown; code?: unknown };
    if (typeof message === 'string' && message !== '') return message;
    if (typeof code === 'string') return code;
  }
  return String(error);
}
