import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { load } from 'js-yaml';
import { FakeGitHub } from '../../fake-github/fake-github.js';
import type { RegisteredApp } from '../../fake-github/control/register-app.js';
import type { RepoHandle } from '../../fake-github/control/repo-handle.js';
import type { CiScript } from '../../fake-github/ci/types.js';
import type { Permissions, Role } from '../../fake-github/world/types.js';
import { AppProcess, freePort } from './app-process.js';
import { createPostgresSchema } from './postgres-schema.js';

const root = resolve(import.meta.dirname, '../../..');

export interface ScenarioOptions {
  repo?: string;
  files?: Record<string, string>;
  /** `.github/sluice.yml` on the default branch. */
  config?: string;
  ci?: CiScript;
  collaborators?: Record<string, Role>;
  /** Required status checks on the default branch's protection. */
  requiredChecks?: string[];
  store?: 'sqlite' | 'postgres';
  sweepIntervalMs?: number;
  /** More of the app's environment (`SLUICE_METRICS_TOKEN`, ...). */
  env?: Record<string, string>;
}

export interface ScenarioSettleOptions {
  /** Told what settle still waits for, every 10 s while it waits (the demo prints it). */
  onSlow?: (report: string) => void;
}

export interface Scenario {
  gh: FakeGitHub;
  repo: RepoHandle;
  app: AppProcess;
  registered: RegisteredApp;
  /** The app's store: a SQLite file path or a PostgreSQL URL (read it with a read-only open). */
  databaseUrl: string;
  /**
   * Waits until deliveries, CI steps and the app's reconciles are all done: nothing more will
   * happen without outside input. Fails only on a stall (see SLUICE_STALL_MS), never on time.
   */
  settle(options?: ScenarioSettleOptions): Promise<void>;
  restartApp(): Promise<void>;
  stop(): Promise<void>;
}

async function manifest(): Promise<{ permissions: Permissions; events: string[] }> {
  const doc = load(await readFile(resolve(root, 'app.yml'), 'utf8')) as {
    default_permissions: Permissions;
    default_events: string[];
  };
  return { permissions: doc.default_permissions, events: doc.default_events };
}

/**
 * A local GitHub with one repository, Sluice installed on it with exactly app.yml's
 * permissions and events, and the real app process running against it.
 */
export async function startScenario(options: ScenarioOptions = {}): Promise<Scenario> {
  const dataDir = await mkdtemp(join(tmpdir(), 'sluice-e2e-'));
  const gh = await FakeGitHub.start({ dataDir: join(dataDir, 'github') });
  const fullName = options.repo ?? 'acme/widgets';
  const { permissions, events } = await manifest();
  const registered = gh.registerApp({ slug: 'sluice', permissions, events });
  const files = {
    'README.md': '# widgets\n',
    ...options.files,
    ...(options.config ? { '.github/sluice.yml': options.config } : {}),
  };
  await gh.createRepo({
    fullName,
    ownerType: 'Organization',
    files,
    collaborators: {
      maintainer: 'write',
      alice: 'write',
      bob: 'write',
      reader: 'read',
      ...options.collaborators,
    },
    ...(options.requiredChecks
      ? {
          protection: {
            main: {
              requiredStatusChecks: {
                strict: false,
                contexts: options.requiredChecks,
                checks: options.requiredChecks.map((context) => ({ context, app_id: null })),
              },
            },
          },
        }
      : {}),
  });
  const repo = gh.repo(fullName);
  if (options.ci) repo.scriptCi(options.ci);
  const schema = options.store === 'postgres' ? await createPostgresSchema() : undefined;
  const port = await freePort();
  const databaseUrl = schema?.url ?? join(dataDir, 'sluice.db');
  const app = new AppProcess(port, {
    ...gh.envFor(registered),
    DATABASE_URL: databaseUrl,
    SLUICE_GITHUB_THROTTLE: 'off',
    SLUICE_SWEEP_INTERVAL_MS: String(options.sweepIntervalMs ?? 60 * 60_000),
    LOG_LEVEL: 'debug',
    SLUICE_TEST_HOOKS: '1',
    ...options.env,
  });
  gh.install(registered.app, { account: fullName.split('/')[0]!, webhookUrl: app.webhookUrl });
  const stop = async () => {
    await app.stop();
    await gh.close();
    await schema?.drop();
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    await app.start();
  } catch (error) {
    // The caller gets no Scenario to stop, so nothing else would remove what was made so far.
    await stop();
    throw error;
  }
  let health = 'not asked yet';
  const settle = (options: ScenarioSettleOptions = {}) =>
    gh.settle({
      probes: [
        {
          name: 'the app (/sluice/health)',
          idle: async () => {
            const answer = await app.health().catch((error: unknown) => String(error));
            health = JSON.stringify(answer);
            return typeof answer === 'object' && answer.idle;
          },
        },
      ],
      progress: [app.logProgress, { name: 'app health', read: () => health }],
      describe: () => `--- app log ---\n${app.tail()}`,
      ...(options.onSlow ? { onSlow: options.onSlow } : {}),
    });
  return {
    gh,
    repo,
    app,
    registered,
    databaseUrl,
    settle,
    restartApp: async () => {
      await app.stop();
      await app.start();
    },
    stop,
  };
}
