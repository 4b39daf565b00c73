import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GitHost } from './git-host.js';
import type { GitRepo } from './git-repo.js';
import { parseBasicAuth } from './parse-basic-auth.js';
import { diffRefSnapshots, snapshotRefs } from './ref-snapshots.js';
import type { RefChange } from './ref-snapshots.js';
import { runHttpBackend } from './run-http-backend.js';
import type { HttpBackendInput } from './run-http-backend.js';

export type GitService = 'git-upload-pack' | 'git-receive-pack';

export type GitAuthRequest = {
  repo: GitRepo;
  service: GitService;
  username: string | undefined;
  /** The Basic-auth password: `x-access-token:<token>`, or any user with a token. */
  token: string | undefined;
};

export type GitAuthDecision = { ok: true; user: string } | { ok: false; reason: string };

export type PushEvent = { repo: GitRepo; pusher: string; changes: RefChange[] };

export type SmartHttpOptions = {
  host: GitHost;
  /** Without it every request is allowed, as user "anonymous". */
  authorize?: (request: GitAuthRequest) => GitAuthDecision | Promise<GitAuthDecision>;
  /** Called after the push response has been sent, with the refs the push moved. */
  onPush?: (event: PushEvent) => void | Promise<void>;
};

/** Serves `/<owner>/<repo>[.git]/info/refs`, `/git-upload-pack` and `/git-receive-pack`. */
const SMART_PATH =
  /^\/([^/]+)\/([^/]+?)(?:\.git)?(\/info\/refs|\/git-upload-pack|\/git-receive-pack)$/;

/**
 * Smart HTTP for the real git client, through `git http-backend`. The returned function
 * resolves false for URLs it does not serve, so the caller's router can go on.
 */
export function createSmartHttpHandler(options: SmartHttpOptions) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const match = SMART_PATH.exec(url.pathname);
    if (!match) return false;
    const suffix = match[3]!;
    const repo = await options.host.openRepo(match[1]!, match[2]!);
    if (repo === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Repository not found.\n');
      return true;
    }
    const service = serviceOf(suffix, url);
    const decision = await authorize(options, req, repo, service);
    if (!decision.ok) {
      res.writeHead(401, {
        'www-authenticate': 'Basic realm="GitHub"',
        'content-type': 'text/plain',
      });
      res.end(`${decision.reason}\n`);
      return true;
    }
    const backend = {
      homeDir: options.host.homeDir,
      projectRoot: options.host.dataDir,
      pathInfo: `/${repo.owner}/${repo.name}.git${suffix}`,
      remoteUser: decision.user,
    };
    if (suffix !== '/git-receive-pack' || req.method !== 'POST') {
      await relay(req, res, backend);
      return true;
    }
    // Holding the lock keeps API writes out of the before/after window, so every change
    // reported belongs to this push.
    const changes = await repo.withLock(async () => {
      const before = await snapshotRefs(repo);
      await relay(req, res, backend);
      return diffRefSnapshots(before, await snapshotRefs(repo));
    });
    if (changes.length > 0) await options.onPush?.({ repo, pusher: decision.user, changes });
    return true;
  };
}

async function relay(
  req: IncomingMessage,
  res: ServerResponse,
  backend: HttpBackendInput,
): Promise<void> {
  try {
    await runHttpBackend(req, res, backend);
  } catch (error) {
    // The git client shows a 500's body; after the headers all we can do is cut the stream.
    if (res.headersSent) res.destroy();
    else res.writeHead(500, { 'content-type': 'text/plain' }).end(`${String(error)}\n`);
  }
}

function serviceOf(suffix: string, url: URL): GitService {
  if (suffix === '/git-receive-pack') return 'git-receive-pack';
  if (suffix === '/info/refs' && url.searchParams.get('service') === 'git-receive-pack') {
    return 'git-receive-pack';
  }
  return 'git-upload-pack';
}

async function authorize(
  options: SmartHttpOptions,
  req: IncomingMessage,
  repo: GitRepo,
  service: GitService,
): Promise<GitAuthDecision> {
  const credentials = parseBasicAuth(req.headers.authorization);
  if (options.authorize === undefined) {
    return { ok: true, user: credentials?.username ?? 'anonymous' };
  }
  return options.authorize({
    repo,
    service,
    username: credentials?.username,
    token: credentials?.password,
  });
}
