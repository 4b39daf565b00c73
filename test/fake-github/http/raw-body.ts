/**
 * A handler answer that is not JSON: file bytes under GitHub's custom media types
 * (`Accept: application/vnd.github.raw`), which the spec mentions only in prose, so there is
 * no schema to check them against. Sent as the bytes they are.
 */
export function isRawBody(answer: {
  body: unknown;
  headers: Record<string, string>;
}): answer is { body: string | Uint8Array; headers: Record<string, string> } {
  const contentType = answer.headers['content-type'];
  if (contentType === undefined || /^application\/(.+\+)?json\b/.test(contentType)) return false;
  return typeof answer.body === 'string' || answer.body instanceof Uint8Array;
}
