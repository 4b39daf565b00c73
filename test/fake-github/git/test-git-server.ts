import { mkdir, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createSmartHttpHandler } from './create-smart-http-handler.js';
import type { GitAuthDecision, GitAuthRequest, PushEvent } from './create-smart-http-handler.js';
import type { GitRepo } from './git-repo.js';
import { runGit } from './run-git.js';
import { waitForProgress } from '../control/wait-for-progress.js';
import type { GitResult } from './run-git.js';
import { commitOn, createTestHost, createWidgets } from './test-host.js';
import type { TestHost } from './test-host.js';

/**
 * Test support: acme/widgets (one commit on main) served over smart HTTP on 127.0.0.1:0,
 * and a developer with a real git client. Tokens: "writer" may push, "reader" may only
 * fetch, anything else is refused.
 */
export type TestGitServer = {
  test: TestHost;
  repo: GitRepo;
  origin: string;
  pushes: PushEvent[];
  asked: GitAuthRequest[];
  client: (args: string[], okExitCodes?: number[]) => Promise<GitResult>;
  cloneAs: (token: string) => Promise<string>;
  commitIn: (work: string, file: string, content: string) => Promise<string>;
  waitForPushes: (count: number) => Promise<PushEvent[]>;
  close: () => Promise<void>;
};

const developer = {
  GIT_AUTHOR_NAME: 'Dev',
  GIT_AUTHOR_EMAIL: 'dev@example.com',
  GIT_AUTHOR_DATE: '1704067200 +0000',
  GIT_COMMITTER_NAME: 'Dev',
  GIT_COMMITTER_EMAIL: 'dev@example.com',
  GIT_COMMITTER_DATE: '1704067200 +0000',
};

export async function startTestGitServer(): Promise<TestGitServer> {
  const test = await createTestHost();
  const repo = await createWidgets(test.host);
  await commitOn(repo, 'main', { 'README.md': '# widgets\n' });
  const pushes: PushEvent[] = [];
  const asked: GitAuthRequest[] = [];
  const authorize = (request: GitAuthRequest): GitAuthDecision => {
    asked.push(request);
    const allowed =
      request.token === 'writer' ||
      (request.token === 'reader' && request.service === 'git-upload-pack');
    return allowed
      ? { ok: true, user: request.username ?? 'unknown' }
      : { ok: false, reason: 'Invalid username or token.' };
  };
  const handle = createSmartHttpHandler({
    host: test.host,
    authorize,
    onPush: (event) => void pushes.push(event),
  });
  const server = createServer((req, res) => {
    void handle(req, res).then((served) => {
      if (!served) res.writeHead(418).end('not git');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const clientHome = join(test.dataDir, 'client-home');
  await mkdir(clientHome);

  const client = (args: string[], okExitCodes = [0]) =>
    runGit(args, clientHome, { env: developer, okExitCodes });
  return {
    test,
    repo,
    origin: `http://127.0.0.1:${port}`,
    pushes,
    asked,
    client,
    cloneAs: async (token) => {
      const work = join(test.dataDir, `work-${token}`);
      await client(['clone', '-q', `http://dev:${token}@127.0.0.1:${port}/acme/widgets.git`, work]);
      return work;
    },
    commitIn: async (work, file, content) => {
      await writeFile(join(work, file), content);
      await client(['-C', work, 'add', file]);
      await client(['-C', work, 'commit', '-q', '-m', `edit ${file}`]);
      return (await client(['-C', work, 'rev-parse', 'HEAD'])).stdout.toString().trim();
    },
    // onPush runs after the response, so the client may return before it.
    waitForPushes: async (count) => {
      await waitForProgress({
        what: `${count} pushes`,
        outstanding: () => (pushes.length < count ? [`saw ${pushes.length} pushes`] : []),
        sources: [{ name: 'pushes', read: () => String(pushes.length) }],
      });
      return pushes;
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await test.cleanup();
    },
  };
}
