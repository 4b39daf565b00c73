/** Slices handed out when a whole body arrives at once, so consumers still see bounded chunks. */
const sliceBytes = 64 * 1024;

function* slices(bytes: Uint8Array): Generator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += sliceBytes) yield bytes.subarray(i, i + sliceBytes);
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof (value as AsyncIterable<unknown> | null)?.[Symbol.asyncIterator] === 'function';
}

async function* fromStream(stream: AsyncIterable<unknown>): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder();
  for await (const chunk of stream) {
    if (typeof chunk === 'string') yield encoder.encode(chunk);
    else if (chunk instanceof Uint8Array) yield chunk;
    else throw new TypeError(`unexpected chunk in a response body: ${typeof chunk}`);
  }
}

function fromWhole(bytes: Uint8Array): AsyncIterable<Uint8Array> {
  const parts = slices(bytes);
  return { [Symbol.asyncIterator]: () => ({ next: () => Promise.resolve(parts.next()) }) };
}

/**
 * A response body as byte chunks, whatever shape Octokit handed over: the unparsed stream
 * (`parseSuccessResponseBody: false`), a string (`text/*`), an ArrayBuffer (anything binary),
 * or bytes. Undefined for a shape no fetch produces.
 */
export function byteChunks(body: unknown): AsyncIterable<Uint8Array> | undefined {
  if (typeof body === 'string') return fromWhole(new TextEncoder().encode(body));
  if (body instanceof ArrayBuffer) return fromWhole(new Uint8Array(body));
  if (body instanceof Uint8Array) return fromWhole(body);
  if (isAsyncIterable(body)) return fromStream(body);
  return undefined;
}
