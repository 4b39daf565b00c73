import type { IncomingMessage, ServerResponse } from 'node:http';
import { readLimitedBody } from './read-limited-body.js';
import { verifyWebhookSignature } from './verify-webhook-signature.js';
import { parseWebhookBody } from './parse-webhook-body.js';

/** GitHub does not deliver a webhook whose payload would exceed 25 MB. */
export const webhookBodyLimitBytes = 25 * 1024 * 1024;

export interface WebhookGuardLog {
  warn(details: Record<string, unknown>, message: string): void;
}

export interface WebhookBodyGuardOptions {
  /** Probot's webhook path (`WEBHOOK_PATH`, default `/api/github/webhooks`). */
  path: string;
  secret: string;
  log: WebhookGuardLog;
  limitBytes?: number;
}

/** Answers a request (true) or hands it on (false), as Probot's handlers do. */
export type RequestGuard = (request: IncomingMessage, response: ServerResponse) => Promise<boolean>;

const jsonHeaders = { 'content-type': 'application/json', accept: 'application/json' };

/**
 * Stands in front of Probot's webhook middleware, which reads a whole body into memory before
 * it checks the signature, answers 500 to a signed body that is not an object, and logs the
 * whole payload of a badly signed one. The guard reads at most `limitBytes` (413 past it), then
 * checks the signature and the body itself; what it lets through is handed on already read
 * (`request.body`, which Probot takes instead of the stream). Logs carry sizes, never the body.
 */
export function webhookBodyGuard(options: WebhookBodyGuardOptions): RequestGuard {
  const limitBytes = options.limitBytes ?? webhookBodyLimitBytes;
  const path = pathOf(options.path);
  return async (request, response) => {
    if (request.method !== 'POST' || pathOf(request.url) !== path) return false;
    const declared = Number(request.headers['content-length'] ?? Number.NaN);
    const seen = {
      delivery: header(request, 'x-github-delivery'),
      event: header(request, 'x-github-event'),
    };
    if (declared > limitBytes) {
      options.log.warn(
        { ...seen, declaredBytes: declared, limitBytes },
        'webhook body over the limit refused',
      );
      tooLarge(request, response, limitBytes);
      return true;
    }
    const read = await readLimitedBody(request, limitBytes);
    switch (read.kind) {
      case 'aborted':
        request.destroy();
        return true;
      case 'too-large':
        options.log.warn(
          { ...seen, bytesRead: read.bytesRead, limitBytes },
          'webhook body over the limit refused',
        );
        tooLarge(request, response, limitBytes);
        return true;
      case 'complete':
        return judge(request, response, read.body);
    }
  };

  function judge(
    request: IncomingMessage,
    response: ServerResponse,
    body: Buffer,
  ): Promise<boolean> {
    // Probot decodes the same way (invalid UTF-8 becomes U+FFFD) and then re-reads `body`.
    const text = new TextDecoder('utf-8', { fatal: false }).decode(body);
    Object.assign(request, { body: text });
    const event = header(request, 'x-github-event');
    const signature = header(request, 'x-hub-signature-256');
    // Without these headers or a JSON content type, Probot answers 400/415 itself, unread.
    if (event === undefined || signature === undefined || !isJson(request))
      return Promise.resolve(false);
    const delivery = header(request, 'x-github-delivery');
    if (!verifyWebhookSignature({ secret: options.secret, text, signature })) {
      options.log.warn(
        { delivery, event, bytes: body.length },
        'webhook with a wrong signature refused',
      );
      answer(
        response,
        400,
        'Error: [@octokit/webhooks] signature does not match event payload and secret',
      );
      return Promise.resolve(true);
    }
    const verdict = parseWebhookBody({ event, text });
    if (verdict.kind === 'accepted') return Promise.resolve(false);
    options.log.warn(
      { delivery, event, bytes: body.length, reason: verdict.reason },
      'webhook refused',
    );
    answer(response, 400, verdict.reason);
    return Promise.resolve(true);
  }
}

/**
 * Closing the connection right after the 413 would reset it under a sender still writing, and
 * a reset can destroy the answer before the sender reads it (it sees EPIPE, not 413). So the
 * rest is read and dropped (never held), up to four times the limit more, while the sender
 * reads the answer and stops; a sender that goes on past that is cut off.
 */
function tooLarge(request: IncomingMessage, response: ServerResponse, limitBytes: number): void {
  let discarded = 0;
  request.on('data', (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > 4 * limitBytes) request.socket.destroy();
  });
  request.resume();
  answer(
    response,
    413,
    `webhook bodies are limited to ${limitBytes} bytes (GitHub sends at most 25 MB)`,
  );
}

function answer(
  response: ServerResponse,
  status: number,
  error: string,
  extra: Record<string, string> = {},
): void {
  const body = JSON.stringify({ error });
  response.writeHead(status, {
    ...jsonHeaders,
    'content-length': String(Buffer.byteLength(body)),
    ...extra,
  });
  response.end(body);
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
}

function isJson(request: IncomingMessage): boolean {
  return /^\s*application\/json\s*(?:;|$)/u.test(request.headers['content-type'] ?? '');
}

/** The pathname exactly as @octokit/webhooks' middleware computes it, so nothing slips past. */
function pathOf(url: string | undefined): string | undefined {
  try {
    return new URL((url ?? '').replace(/\/+$/, '') || '/', 'http://localhost').pathname;
  } catch {
    return undefined;
  }
}
