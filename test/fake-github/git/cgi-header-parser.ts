import { Transform } from 'node:stream';
import type { TransformCallback } from 'node:stream';

export type CgiHead = { status: number; headers: Array<[string, string]> };

/**
 * Strips the CGI header block from a CGI program's stdout and reports it, passing the body
 * through untouched. CGI uses a `Status:` header instead of a status line, and git's
 * http-backend ends lines with CRLF; a bare LF is accepted too.
 */
export class CgiHeaderParser extends Transform {
  #head: Buffer | undefined = Buffer.alloc(0);

  constructor(private readonly onHead: (head: CgiHead) => void) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    if (this.#head === undefined) {
      done(null, chunk);
      return;
    }
    const buffered = Buffer.concat([this.#head, chunk]);
    const end = findBlankLine(buffered);
    if (end === undefined) {
      this.#head = buffered;
      done();
      return;
    }
    this.#head = undefined;
    try {
      this.onHead(parseHead(buffered.subarray(0, end.start).toString('latin1')));
    } catch (error) {
      done(error as Error);
      return;
    }
    done(null, buffered.subarray(end.bodyStart));
  }

  override _flush(done: TransformCallback): void {
    done(this.#head === undefined ? null : new Error('CGI program ended before its headers'));
  }
}

function findBlankLine(buffer: Buffer): { start: number; bodyStart: number } | undefined {
  const crlf = buffer.indexOf('\r\n\r\n');
  const lf = buffer.indexOf('\n\n');
  if (crlf !== -1 && (lf === -1 || crlf < lf)) return { start: crlf, bodyStart: crlf + 4 };
  return lf === -1 ? undefined : { start: lf, bodyStart: lf + 2 };
}

function parseHead(text: string): CgiHead {
  let status = 200;
  const headers: Array<[string, string]> = [];
  for (const line of text.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon === -1) continue;
    const name = line.slice(0, colon).trim();
    const value = line.slice(colon + 1).trim();
    if (name.toLowerCase() === 'status') status = Number.parseInt(value, 10);
    else headers.push([name, value]);
  }
  if (!Number.isInteger(status)) throw new Error(`Bad CGI status line in ${JSON.stringify(text)}`);
  return { status, headers };
}
