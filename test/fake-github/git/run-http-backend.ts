import { spawn } from 'node:child_process';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { CgiHeaderParser } from './cgi-header-parser.js';
import { buildGitEnv } from './git-env.js';

export type HttpBackendInput = {
  homeDir: string;
  projectRoot: string;
  /** Path of the repository below the project root, then the smart HTTP suffix. */
  pathInfo: string;
  /** Setting it is what makes http-backend accept pushes (receive-pack). */
  remoteUser: string;
};

export type HttpBackendOutcome = { exitCode: number | null; stderr: string };

/**
 * Relays one request through `git http-backend` (CGI); resolves once the response is sent.
 * Rejects only when the response could not be relayed; a failed git (which has usually
 * written an error status itself) is reported in the outcome.
 */
export async function runHttpBackend(
  req: IncomingMessage,
  res: ServerResponse,
  input: HttpBackendInput,
): Promise<HttpBackendOutcome> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  // git gzips large fetch negotiations; inflating here leaves the length unknown, and
  // http-backend then reads the body to end of file.
  const gzipped = /^(x-)?gzip$/i.test(req.headers['content-encoding'] ?? '');
  const length = req.headers['content-length'];
  const env = buildGitEnv(input.homeDir, {
    GIT_PROJECT_ROOT: input.projectRoot,
    GIT_HTTP_EXPORT_ALL: '1',
    REMOTE_USER: input.remoteUser,
    REMOTE_ADDR: req.socket.remoteAddress ?? '127.0.0.1',
    PATH_INFO: input.pathInfo,
    QUERY_STRING: url.search.replace(/^\?/, ''),
    REQUEST_METHOD: req.method ?? 'GET',
    CONTENT_TYPE: req.headers['content-type'] ?? '',
    ...(length !== undefined && !gzipped ? { CONTENT_LENGTH: length } : {}),
    // Passes the client's protocol v2 request through, as a web server would.
    ...(typeof req.headers['git-protocol'] === 'string'
      ? { HTTP_GIT_PROTOCOL: req.headers['git-protocol'] }
      : {}),
  });
  const child = spawn('git', ['http-backend'], { env, stdio: ['pipe', 'pipe', 'pipe'] });
  const stderr: Buffer[] = [];
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
  const exited = new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  // When the relay fails first, nobody awaits `exited`; its rejection is then no news.
  exited.catch(() => {});
  const parser = new CgiHeaderParser((head) => res.writeHead(head.status, head.headers.flat()));
  const request = gzipped ? pipeline(req, createGunzip(), child.stdin) : pipeline(req, child.stdin);
  // The backend may answer (an error, a 304) without reading the whole body.
  request.catch(() => {});
  try {
    await pipeline(child.stdout, parser, res);
  } catch (cause) {
    const detail = Buffer.concat(stderr).toString('utf8').trim();
    throw new Error(`git http-backend failed for ${input.pathInfo}: ${detail}`, { cause });
  }
  const exitCode = await exited;
  return { exitCode, stderr: Buffer.concat(stderr).toString('utf8') };
}
