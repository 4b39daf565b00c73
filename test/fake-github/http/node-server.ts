import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * What the stand-in answers, in WHATWG terms, so one core serves both a real socket and an
 * in-process `fetch`. `afterSend` runs once the answer has left (webhooks go out then);
 * `drop` closes the connection instead of answering (an injected network fault);
 * `raw` lets a route stream straight to the socket (git smart HTTP).
 */
export interface Served {
  response?: Response;
  afterSend?: () => void;
  drop?: boolean;
  raw?: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
}

export type ServeFn = (request: Request, raw: { req: IncomingMessage }) => Promise<Served>;

export async function toRequest(req: IncomingMessage, origin: string): Promise<Request> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else if (value !== undefined) headers.set(name, value);
  }
  const method = req.method ?? 'GET';
  let body: Buffer | undefined;
  if (method !== 'GET' && method !== 'HEAD' && !isGitRequest(req)) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    body = Buffer.concat(chunks);
  }
  return new Request(new URL(req.url ?? '/', origin), { method, headers, body });
}

/** git smart HTTP bodies are streamed to `git http-backend`, never buffered here. */
export function isGitRequest(req: IncomingMessage): boolean {
  return /^\/[^/]+\/[^/]+\.git\//.test(req.url ?? '');
}

async function writeResponse(res: ServerResponse, response: Response): Promise<void> {
  res.statusCode = response.status;
  response.headers.forEach((value, name) => res.setHeader(name, value));
  const body = response.body ? Buffer.from(await response.arrayBuffer()) : undefined;
  await new Promise<void>((resolve) => res.end(body, resolve));
}

/** Listens on 127.0.0.1 with an OS-chosen port (tests run in parallel). */
export async function listen(serve: ServeFn): Promise<{ server: Server; url: string }> {
  let origin = 'http://127.0.0.1';
  const server = createServer((req, res) => {
    void (async () => {
      try {
        const request = isGitRequest(req)
          ? new Request(new URL(req.url ?? '/', origin), { method: req.method ?? 'GET' })
          : await toRequest(req, origin);
        const served = await serve(request, { req });
        if (served.drop) {
          req.socket.destroy();
          // GitHub finishes a write whose connection dropped: its webhooks still go out.
          served.afterSend?.();
          return;
        }
        if (served.raw) await served.raw(req, res);
        else if (served.response) await writeResponse(res, served.response);
        served.afterSend?.();
      } catch (error) {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(`fake-github crashed: ${error instanceof Error ? error.stack : String(error)}`);
      }
    })();
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  return { server, url: origin };
}
