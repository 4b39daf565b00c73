import type { IncomingMessage, ServerResponse } from 'node:http';
import { bearerTokenMatches } from './bearer-token.js';
import type { SluiceMetrics } from './sluice-metrics.js';

export const metricsPath = '/metrics';

export interface MetricsEndpointOptions {
  /** `SLUICE_METRICS_TOKEN`; without it the endpoint is off. */
  token: string | undefined;
  /** Present exactly when the token is: nothing is recorded while the endpoint is off. */
  metrics: Pick<SluiceMetrics, 'exposition'> | undefined;
}

function text(
  res: ServerResponse,
  status: number,
  body: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(body);
}

/**
 * `GET /metrics`: the Prometheus exposition, for a scraper that sends the operator's bearer
 * token. Off (404, saying how to turn it on) until a token is configured: the metrics name
 * repositories and branches, which an open endpoint would show anyone who can reach it. A
 * scrape without the token, or with another one, is 401.
 */
export function metricsHandler(options: MetricsEndpointOptions) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    if (req.url?.split('?')[0] !== metricsPath) return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      text(res, 405, 'only GET serves the metrics\n', { allow: 'GET, HEAD' });
      return true;
    }
    const { token, metrics } = options;
    if (token === undefined || metrics === undefined) {
      text(res, 404, 'metrics are off: set SLUICE_METRICS_TOKEN to serve them\n');
      return true;
    }
    const header = req.headers.authorization;
    if (!bearerTokenMatches(header, token)) {
      // RFC 6750: a request without credentials gets the challenge alone, a wrong one its error.
      const challenge = header
        ? 'Bearer realm="sluice", error="invalid_token"'
        : 'Bearer realm="sluice"';
      text(res, 401, 'a scrape needs the header Authorization: Bearer <SLUICE_METRICS_TOKEN>\n', {
        'www-authenticate': challenge,
      });
      return true;
    }
    const { body, contentType } = await metrics.exposition();
    res.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : body);
    return true;
  };
}
