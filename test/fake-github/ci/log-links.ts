import { randomBytes } from 'node:crypto';
import type { SideRoute } from '../fake-github.js';

/** GitHub's log URLs are signed blob links that expire after about a minute. */
const lifetimeMs = 60_000;
export const logRoutePrefix = '/_fake/logs/';

/**
 * Short-lived, one-time links to job logs, served without authentication as
 * `text/plain; charset=utf-8` (so Octokit hands the app a string, not an ArrayBuffer).
 */
export class LogLinks {
  readonly #links = new Map<string, { text: string; expiresAt: number }>();

  create(baseUrl: string, text: string): string {
    const token = randomBytes(16).toString('hex');
    this.#links.set(token, { text, expiresAt: Date.now() + lifetimeMs });
    return `${baseUrl}${logRoutePrefix}${token}`;
  }

  readonly route: SideRoute = {
    prefix: logRoutePrefix,
    serve: (request) => {
      const token = new URL(request.url).pathname.slice(logRoutePrefix.length);
      const link = this.#links.get(token);
      this.#links.delete(token);
      if (request.method !== 'GET' || !link || link.expiresAt < Date.now()) {
        return Promise.resolve(
          new Response('The log link has expired or was already used.\n', {
            status: 404,
            headers: { 'content-type': 'text/plain; charset=utf-8' },
          }),
        );
      }
      return Promise.resolve(
        new Response(link.text, {
          status: 200,
          headers: { 'content-type': 'text/plain; charset=utf-8' },
        }),
      );
    },
  };
}
