import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * GitHub's `X-Hub-Signature-256`: `sha256=` and the hex HMAC of the body. Computed over the
 * UTF-8 encoding of the decoded text, as @octokit/webhooks does, so that what passes here
 * passes Probot's own check too (invalid UTF-8 fails both).
 */
export function verifyWebhookSignature(input: {
  secret: string;
  text: string;
  signature: string;
}): boolean {
  const expected = Buffer.from(
    `sha256=${createHmac('sha256', input.secret).update(input.text, 'utf8').digest('hex')}`,
  );
  const given = Buffer.from(input.signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
