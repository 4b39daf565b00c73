import type { IncomingMessage } from 'node:http';

export type LimitedBody =
  | { kind: 'complete'; body: Buffer }
  | { kind: 'too-large'; bytesRead: number }
  | { kind: 'aborted'; bytesRead: number };

/**
 * Reads a request body, but stops (and drops what it holds) as soon as more than `limitBytes`
 * arrived: a chunked body declares no length, so only counting protects the process.
 */
export function readLimitedBody(
  request: IncomingMessage,
  limitBytes: number,
): Promise<LimitedBody> {
  return new Promise((resolve) => {
    let chunks: Buffer[] = [];
    let bytesRead = 0;
    const finish = (result: LimitedBody): void => {
      request.off('data', onData).off('end', onEnd).off('error', onGone).off('close', onGone);
      chunks = [];
      resolve(result);
    };
    const onData = (chunk: Buffer): void => {
      bytesRead += chunk.length;
      if (bytesRead <= limitBytes) {
        chunks.push(chunk);
        return;
      }
      request.pause();
      finish({ kind: 'too-large', bytesRead });
    };
    const onEnd = (): void => {
      const body = Buffer.concat(chunks, bytesRead);
      finish({ kind: 'complete', body });
    };
    const onGone = (): void => finish({ kind: 'aborted', bytesRead });
    // A sender that resets after we stopped listening must not become an unhandled 'error'.
    request.on('error', ignore);
    request.on('data', onData).once('end', onEnd).once('error', onGone).once('close', onGone);
  });
}

function ignore(): void {}
