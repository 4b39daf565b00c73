import type { ServerResponse } from 'node:http';

/**
 * Every dashboard answer: nothing cached, nothing framed, no script at all (the pages have
 * none), styles only from our own stylesheet, forms only back to us.
 */
const securityHeaders = {
  'cache-control': 'no-store',
  'content-security-policy':
    "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; " +
    "frame-ancestors 'none'; base-uri 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'same-origin',
};

export function sendHtml(
  res: ServerResponse,
  status: number,
  body: string,
  cookies: string[] = [],
): void {
  res.writeHead(status, {
    ...securityHeaders,
    'content-type': 'text/html; charset=utf-8',
    ...(cookies.length > 0 ? { 'set-cookie': cookies } : {}),
  });
  res.end(body);
}

export function sendCss(res: ServerResponse, body: string): void {
  res.writeHead(200, {
    ...securityHeaders,
    'content-type': 'text/css; charset=utf-8',
    // The stylesheet changes only with a release; an hour saves a request per page.
    'cache-control': 'public, max-age=3600',
  });
  res.end(body);
}

/** 303: after a form, the browser GETs the page (a reload does not repeat the action). */
export function redirect(
  res: ServerResponse,
  location: string,
  cookies: string[] = [],
  status = 303,
): void {
  res.writeHead(status, {
    ...securityHeaders,
    location,
    ...(cookies.length > 0 ? { 'set-cookie': cookies } : {}),
  });
  res.end();
}
