import { existsSync } from 'node:fs';
import { createProbot, ProbotOctokit, run } from 'probot';
import { createSluiceApp } from './app.js';
import { openStore, resolveStoreLocation } from './store/index.js';
import { readRuntimeEnv } from './runtime/runtime-env.js';
import { readWebhookServerEnv } from './runtime/webhook-server-env.js';
import { serveWebhooks } from './runtime/serve-webhooks.js';
import { exitWithHarness } from './runtime/test-hooks.js';
import { forwardWebhookProxy } from './runtime/forward-webhook-proxy.js';

/**
 * The process entry: `npm start`. Without app credentials Probot serves its setup page (from
 * app.yml), as every Probot app does; with them, Sluice opens (and migrates) its store and
 * serves webhooks behind a guard on their size and shape (`serveWebhooks`), and forwards a
 * WEBHOOK_PROXY_URL channel to them as Probot's own server would.
 */
// Probot's setup page writes the app's credentials to `.env`; read it before deciding whether
// the app is configured (existing environment variables win, as with dotenv).
if (existsSync('.env')) process.loadEnvFile('.env');
const env = readRuntimeEnv(process.env);

// Merge and ref-update calls are decisions, never transient errors: 405/409 are not retried
// (and such writes also pass `retries: 0`, so a 5xx is not either). Throttling stays on
// unless turned off explicitly (tests against the local GitHub).
// The function form merges into the options Probot passes per instance; an object default
// would be replaced wholesale by Probot's own `throttle` options (a shallow Object.assign).
const Octokit = ProbotOctokit.defaults((options: Record<string, unknown>) => ({
  ...options,
  retry: {
    ...(options.retry as object),
    doNotRetry: [400, 401, 403, 404, 405, 409, 410, 422, 451],
  },
  ...(env.throttle ? {} : { throttle: { ...(options.throttle as object), enabled: false } }),
}));

if (!env.configured) {
  const server = await run(() => undefined, { Octokit });
  // Probot's `run` stops on SIGINT only when it runs an app, not its setup page; a service
  // manager sends SIGTERM.
  const stop = async (): Promise<void> => {
    await server.stop();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
} else {
  if (env.testHooks) exitWithHarness();
  const store = await openStore(resolveStoreLocation({ env: process.env, cwd: process.cwd() }));
  const serverEnv = readWebhookServerEnv(process.env);
  const probot = createProbot({
    env: serverEnv.probotEnv,
    overrides: { Octokit, secret: serverEnv.secret },
  });
  const served = await serveWebhooks({
    probot,
    app: createSluiceApp({
      store,
      sweeps: env.sweeps,
      leases: env.leases,
      settings: { appUrl: env.appUrl },
      testHooks: env.testHooks,
      metrics: env.metrics,
    }),
    host: serverEnv.host,
    port: serverEnv.port,
    webhookPath: serverEnv.webhookPath,
    secret: serverEnv.secret,
  });
  const proxy = process.env.WEBHOOK_PROXY_URL
    ? await forwardWebhookProxy({
        url: process.env.WEBHOOK_PROXY_URL,
        target: `${served.url}${serverEnv.webhookPath}`,
        log: probot.log.child({ name: 'webhook-proxy' }),
      })
    : undefined;
  const stop = async (): Promise<void> => {
    proxy?.close();
    await served.stop();
    await store.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}
