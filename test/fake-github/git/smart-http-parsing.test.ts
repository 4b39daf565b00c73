import { describe, expect, it } from '@jest/globals';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { CgiHeaderParser } from './cgi-header-parser.js';
import type { CgiHead } from './cgi-header-parser.js';
import { parseBasicAuth } from './parse-basic-auth.js';

async function parseCgi(chunks: string[]): Promise<{ head: CgiHead | undefined; body: string }> {
  let head: CgiHead | undefined;
  const parser = new CgiHeaderParser((h) => (head = h));
  const body = await text(Readable.from(chunks.map((c) => Buffer.from(c))).pipe(parser));
  return { head, body };
}

describe('CgiHeaderParser', () => {
  it('turns the Status header into the status and passes the body through', async () => {
    const { head, body } = await parseCgi([
      'Status: 404 Not Found\r\nContent-Type: text/pl',
      'ain\r\n\r\nnot here\r\n\r\nstill body',
    ]);
    expect(head).toEqual({ status: 404, headers: [['Content-Type', 'text/plain']] });
    expect(body).toBe('not here\r\n\r\nstill body');
  });

  it('defaults to 200 and accepts bare newlines', async () => {
    const { head, body } = await parseCgi(['Expires: never\n\nbody']);
    expect(head).toEqual({ status: 200, headers: [['Expires', 'never']] });
    expect(body).toBe('body');
  });

  it('fails when the program ends before its headers', async () => {
    await expect(parseCgi(['Status: 500'])).rejects.toThrow('ended before its headers');
  });
});

describe('parseBasicAuth', () => {
  const basic = (s: string) => `Basic ${Buffer.from(s).toString('base64')}`;

  it('splits on the first colon, so tokens may contain colons', () => {
    expect(parseBasicAuth(basic('x-access-token:ghs_a:b'))).toEqual({
      username: 'x-access-token',
      password: 'ghs_a:b',
    });
  });

  it('ignores other schemes and malformed values', () => {
    expect(parseBasicAuth('Bearer abc')).toBeUndefined();
    expect(parseBasicAuth(basic('no-colon'))).toBeUndefined();
    expect(parseBasicAuth(undefined)).toBeUndefined();
  });
});
