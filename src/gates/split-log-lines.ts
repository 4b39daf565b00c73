/**
 * Longest line kept, in UTF-16 code units. Minified bundles and base64 blobs can put
 * megabytes on one line; no tool prints a useful diagnostic past this length.
 */
export const maxLineLength = 4096;

const decodeSize = 32 * 1024;

/** Called once per line: text without its line ending, 1-based line number. */
export type LineHandler = (text: string, lineNumber: number) => void;

/**
 * Turns chunks of a log (bytes or text, cut anywhere) into lines, holding at most one
 * partial line of at most `maxLineLength` characters between chunks.
 */
export class LogLineSplitter {
  private decoder: InstanceType<typeof TextDecoder> | undefined;
  private carry = '';
  /** Inside an over-long line: drop text until its newline. */
  private dropping = false;
  private lineNumber = 0;

  constructor(private readonly onLine: LineHandler) {}

  /** Characters held back waiting for a newline (bounded by `maxLineLength`). */
  get bufferedLength(): number {
    return this.carry.length;
  }

  push(chunk: Uint8Array | string): void {
    if (typeof chunk === 'string') {
      this.split(chunk);
      return;
    }
    // Decoded pieces stay small enough for V8's young generation, where dead strings cost
    // nothing; a 256 KB string would go to the large-object space and linger until a full GC.
    for (let offset = 0; offset < chunk.length; offset += decodeSize) {
      this.split(this.decode(chunk.subarray(offset, offset + decodeSize)));
    }
  }

  /** Flushes the decoder and emits the last line when the input did not end with a newline. */
  end(): void {
    if (this.decoder) this.split(this.decoder.decode());
    if (this.carry.length > 0 || this.dropping) this.emit(this.carry);
    this.carry = '';
    this.dropping = false;
  }

  private decode(bytes: Uint8Array): string {
    // Windows PowerShell writes UTF-16 when a log is saved with `>`; its BOM says so.
    this.decoder ??= new TextDecoder(
      bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : 'utf-8',
      { fatal: false },
    );
    return this.decoder.decode(bytes, { stream: true });
  }

  private split(text: string): void {
    let start = 0;
    for (;;) {
      const newline = text.indexOf('\n', start);
      if (newline === -1) break;
      if (this.dropping) {
        this.dropping = false;
        this.emit(this.carry);
      } else {
        this.emit(this.carry + text.slice(start, Math.min(newline, start + maxLineLength)));
      }
      this.carry = '';
      start = newline + 1;
    }
    if (start < text.length && !this.dropping) this.keep(text, start);
  }

  private keep(text: string, start: number): void {
    const room = maxLineLength - this.carry.length;
    if (text.length - start > room) {
      this.carry += text.slice(start, start + room);
      this.dropping = true;
    } else {
      this.carry += text.slice(start);
    }
  }

  private emit(line: string): void {
    this.lineNumber += 1;
    const text = line.length > maxLineLength ? line.slice(0, maxLineLength) : line;
    this.onLine(text.endsWith('\r') ? text.slice(0, -1) : text, this.lineNumber);
  }
}
