import { createHmac } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { load } from 'js-yaml';
import { FakeGitHub } from '../fake-github/fake-github.js';
import type { Permissions } from '../fake-github/world/types.js';
import { appNodeFlags, freePort } from '../e2e/support/app-process.js';
import { InstalledApp } from './support/installed-app.js';
import {
  installApp,
  installAsDependency,
  packRepository,
  repoRoot,
  reuseNativeBuild,
  tarballFiles,
} from './support/pack-and-install.js';
import { operatorEnv, runCommand } from './support/run-command.js';

interface Manifest {
  name: string;
  hook_attributes: { url: string };
  default_permissions: Permissions;
  default_events: string[];
}

/**
 * The production path, as an operator takes it: `npm pack` (its prepack builds dist/), the
 * tarball unpacked and installed with `npm ci --omit=dev` (no TypeScript, no test tools), then
 * `npm start`, which must run what was built without building anything.
 */
describe('the package as it is deployed', () => {
  let work: string;
  let tarball: string;
  let appDir: string;
  let env: NodeJS.ProcessEnv;
  let version: string;
  const running: InstalledApp[] = [];

  beforeAll(async () => {
    ({ version } = JSON.parse(await readFile(join(repoRoot, 'package.json'), 'utf8')) as {
      version: string;
    });
    work = await mkdtemp(join(tmpdir(), 'sluice-install-'));
    tarball = await packRepository(work);
    const native = await reuseNativeBuild(work);
    env = operatorEnv(native.env);
    appDir = join(work, 'app');
    await installApp({ tarball, dir: appDir, env });
    const shrinkwrap = JSON.parse(await readFile(join(appDir, 'npm-shrinkwrap.json'), 'utf8')) as {
      packages: Record<string, { version?: string }>;
    };
    // The build is reused only for the version the shipped lockfile installs.
    const locked = shrinkwrap.packages['node_modules/better-sqlite3']?.version;
    if (locked !== native.version)
      throw new Error(
        `node_modules has better-sqlite3 ${native.version}, the lockfile ${locked}: run npm ci`,
      );
  });

  afterAll(async () => {
    for (const app of running) await app.stop();
    if (work) await rm(work, { recursive: true, force: true });
  });

  async function start(options: { env: NodeJS.ProcessEnv; readyPath: string }) {
    const app = await InstalledApp.start({
      dir: appDir,
      env: options.env,
      port: await freePort(),
      readyPath: options.readyPath,
    });
    running.push(app);
    return app;
  }

  it('ships the built app, its CLI, the app manifest and the lockfile, and no sources', async () => {
    const files = await tarballFiles(tarball, work);
    expect(files).toEqual(
      expect.arrayContaining([
        'package.json',
        'npm-shrinkwrap.json',
        'README.md',
        'LICENSE',
        '.env.example',
        'app.yml',
        'bin/sluice.js',
        'dist/main.js',
        'dist/app.js',
        'dist/cli/main.js',
      ]),
    );
    const topLevel = [
      'package.json',
      'npm-shrinkwrap.json',
      'README.md',
      'LICENSE',
      '.env.example',
      'app.yml',
    ];
    const shipped = (path: string) =>
      path.startsWith('dist/') || path.startsWith('bin/') || topLevel.includes(path);
    expect(files.filter((path) => !shipped(path))).toEqual([]);
    expect(files.filter((path) => path.endsWith('.ts') || path.endsWith('.map'))).toEqual([]);
    // The packing left the copy's lockfile as it was: the shrinkwrap exists only in the tarball.
    expect(existsSync(join(work, 'source/npm-shrinkwrap.json'))).toBe(false);
  });

  it('installs without development dependencies, reusing the native build', () => {
    const devOnly = ['typescript', 'jest', 'tsx', 'eslint', '@swc/core'];
    expect(devOnly.filter((name) => existsSync(join(appDir, 'node_modules', name)))).toEqual([]);
    const release = join(appDir, 'node_modules/better-sqlite3/build/Release');
    expect(existsSync(join(release, 'better_sqlite3.node'))).toBe(true);
    // A compile leaves its object files: their absence says the repository's build was taken.
    expect(existsSync(join(release, 'obj.target'))).toBe(false);
  });

  it('without credentials, npm start serves the setup page with the shipped app.yml', async () => {
    const app = await start({
      // Not production: Probot refuses to start its setup page there.
      env: { ...env, LOG_FORMAT: 'json' },
      readyPath: '/probot',
    });
    const root = await fetch(`${app.url}/`, { redirect: 'manual' });
    expect({ status: root.status, location: root.headers.get('location') }).toEqual({
      status: 302,
      location: '/probot',
    });
    const page = await fetch(`${app.url}/probot`);
    expect(page.status).toBe(200);
    const manifestJson = /name="manifest" id="manifest" value='([^']*)'/.exec(await page.text());
    const shipped = load(await readFile(join(appDir, 'app.yml'), 'utf8')) as Manifest;
    expect(JSON.parse(manifestJson?.[1] ?? 'null')).toMatchObject({
      name: shipped.name,
      hook_attributes: shipped.hook_attributes,
      default_permissions: shipped.default_permissions,
      default_events: shipped.default_events,
    });
    // npm start ran the built app and nothing else (this install has no compiler anyway).
    expect(app.log.filter((line) => line.startsWith('> '))).toEqual([
      `> sluice@${version} start`,
      `> node ${appNodeFlags.join(' ')} dist/main.js`,
    ]);
    await app.stop();
  });

  it('with credentials, serves /sluice/health and acts on a webhook GitHub signed', async () => {
    const gh = await FakeGitHub.start({ dataDir: join(work, 'github') });
    try {
      const shipped = load(await readFile(join(appDir, 'app.yml'), 'utf8')) as Manifest;
      const registered = gh.registerApp({
        slug: 'sluice',
        permissions: shipped.default_permissions,
        events: shipped.default_events,
      });
      await gh.createRepo({
        fullName: 'acme/widgets',
        ownerType: 'Organization',
        files: { 'README.md': '# widgets\n' },
        collaborators: { maintainer: 'write', alice: 'write' },
      });
      const proxyUrl = 'https://smee.io/sluice-install-test';
      const app = await start({
        env: {
          ...env,
          ...gh.envFor(registered),
          NODE_ENV: 'production',
          LOG_FORMAT: 'json',
          DATABASE_URL: join(work, 'sluice.db'),
          SLUICE_GITHUB_THROTTLE: 'off',
          // Development only, and smee-client is a development tool: not in this install.
          WEBHOOK_PROXY_URL: proxyUrl,
        },
        readyPath: '/sluice/health',
      });
      gh.install(registered.app, {
        account: 'acme',
        webhookUrl: `${app.url}/api/github/webhooks`,
      });

      const health = (await (await fetch(`${app.url}/sluice/health`)).json()) as {
        store: string;
        bot: string | null;
      };
      // The store opened (the native module loads) and the app's JWT was accepted.
      expect(health).toMatchObject({ status: 'ok', store: 'ok', bot: 'sluice[bot]' });

      const repo = gh.repo('acme/widgets');
      const pr = await repo.openPullRequest({
        author: 'alice',
        branch: 'feature/widgets',
        title: 'feat: widgets',
        commits: [{ message: 'add widgets', files: { 'src/widgets.ts': 'export {};\n' } }],
      });
      await repo.label(pr.number, 'merge-queue', 'maintainer');
      await gh.settle({
        probes: [
          {
            name: 'the installed app (/sluice/health)',
            idle: async () => {
              const answer = await fetch(`${app.url}/sluice/health`)
                .then((r) => r.json() as Promise<{ idle: boolean }>)
                .catch(() => ({ idle: false }));
              return answer.idle;
            },
          },
        ],
        progress: app.logProgress,
        describe: () => `--- installed app log ---\n${app.tail()}`,
      });
      // The labeled delivery was verified and acted on: a staging and the Sluice check run.
      expect(await repo.git.resolveRef('refs/heads/sluice/staging/main/1')).toBeDefined();
      expect(repo.checkRuns(pr.pull.headSha).find((run) => run.name === 'Sluice')).toMatchObject({
        status: 'in_progress',
      });
      gh.assertClean();

      // A body signed with another secret is refused.
      const body = JSON.stringify({ action: 'opened' });
      const forged = await fetch(`${app.url}/api/github/webhooks`, {
        method: 'POST',
        body,
        headers: {
          'content-type': 'application/json',
          'x-github-event': 'pull_request',
          'x-github-delivery': 'forged-1',
          'x-hub-signature-256': `sha256=${createHmac('sha256', 'not-the-secret').update(body).digest('hex')}`,
        },
      });
      expect(forged.status).toBe(400);

      expect(
        app.records.filter((r) => r.name === 'webhook-proxy').map((r) => [r.level, r.msg]),
      ).toEqual([
        [
          40,
          `WEBHOOK_PROXY_URL is set, but smee-client is not installed: webhooks sent to ${proxyUrl} ` +
            `are not forwarded here. Install it (npm install --no-save smee-client) or run: ` +
            `npx smee-client --url ${proxyUrl} --target ${app.url}/api/github/webhooks`,
        ],
      ]);
      await app.stop();
    } finally {
      await gh.close();
    }
  });

  it('the sluice command runs from the app install and from a project that depends on it', async () => {
    expect(
      await runCommand('npx', ['--offline', 'sluice', '--version'], { cwd: appDir, env }),
    ).toMatch(new RegExp(`^${version.replaceAll('.', '\\.')}$`, 'm'));
    const project = join(work, 'project');
    await installAsDependency({ tarball, dir: project, env });
    expect(
      await runCommand(join(project, 'node_modules/.bin/sluice'), ['--version'], {
        cwd: project,
        env,
      }),
    ).toBe(version);
  });
});
