import { describe, expect, it } from '@jest/globals';
import { LogLineSplitter, maxLineLength } from '../../../src/gates/split-log-lines.js';

function splitChunks(chunks: ReadonlyArray<Uint8Array | string>): string[] {
  const lines: string[] = [];
  const splitter = new LogLineSplitter((text) => lines.push(text));
  for (const chunk of chunks) splitter.push(chunk);
  splitter.end();
  return lines;
}

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('LogLineSplitter', () => {
  it('splits on newlines, drops CR of CRLF and keeps a last line without newline', () => {
    expect(splitChunks(['a\r\nb\n', 'c'])).toEqual(['a', 'b', 'c']);
  });

  it('numbers lines from 1 in input order', () => {
    const numbers: number[] = [];
    const splitter = new LogLineSplitter((_text, line) => numbers.push(line));
    splitter.push('x\ny\n\nz\n');
    splitter.end();
    expect(numbers).toEqual([1, 2, 3, 4]);
  });

  it('decodes a multi-byte character cut between chunks', () => {
    const encoded = bytes('Oh no! 💥\n');
    const oneByteChunks = Array.from(encoded, (b) => Uint8Array.of(b));
    expect(splitChunks(oneByteChunks)).toEqual(['Oh no! 💥']);
  });

  it('strips a UTF-8 byte-order mark at the start', () => {
    expect(splitChunks([Uint8Array.of(0xef, 0xbb, 0xbf, 0x61, 0x0a)])).toEqual(['a']);
  });

  it('decodes UTF-16 logs that PowerShell wrote with a byte-order mark', () => {
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('error CS0103\r\n', 'utf16le'),
    ]);
    expect(splitChunks([utf16])).toEqual(['error CS0103']);
  });

  it('replaces bytes that are not UTF-8 instead of failing', () => {
    expect(splitChunks([Uint8Array.of(0x61, 0xff, 0xfe, 0x62, 0x0a)])).toEqual(['a\uFFFD\uFFFDb']);
  });

  it('keeps at most maxLineLength characters of a huge line, buffering no more than that', () => {
    const lines: string[] = [];
    const splitter = new LogLineSplitter((text) => lines.push(text));
    const chunk = 'x'.repeat(64 * 1024);
    let largestBuffer = 0;
    for (let i = 0; i < 800; i++) {
      splitter.push(chunk);
      largestBuffer = Math.max(largestBuffer, splitter.bufferedLength);
    }
    splitter.push('\nnext\n');
    splitter.end();
    expect(largestBuffer).toBeLessThanOrEqual(maxLineLength);
    expect(lines.map((l) => l.length)).toEqual([maxLineLength, 4]);
  });

  it('cuts a long line that arrives in a single chunk', () => {
    const [line] = splitChunks([`${'y'.repeat(maxLineLength * 3)}\n`]);
    expect(line).toHaveLength(maxLineLength);
  });
});
