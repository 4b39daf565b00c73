import { createHmac } from 'node:crypto';

/** `X-Hub-Signature-256` over exactly the bytes sent. */
export function signSha256(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export function signSha1(secret: string, body: string): string {
  return `sha1=${createHmac('sha1', secret).update(body).digest('hex')}`;
}
