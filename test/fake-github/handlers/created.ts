import type { HandlerResult } from './types.js';

/**
 * A `201 Created` answer. GitHub names the new resource in `Location`, its API URL: the same
 * URL as the body's `url` (octokit/fixtures `create-status`, `labels`, `git-refs`,
 * `release-assets` all record it so).
 */
export function created(body: Record<string, unknown>): HandlerResult {
  if (typeof body.url !== 'string')
    throw new Error('fake-github: a created resource needs a `url` for its Location header');
  return { status: 201, body, headers: { location: body.url } };
}
