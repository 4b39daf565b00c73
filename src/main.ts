import { ProbotOctokit, run } from 'probot';
import { createSluiceApp } from './app.js';
import { openStore, resolveStoreLocation } from './store/index.js';
import { readRuntimeEnv } from './runtime/runtime-env.js';

/**
 * The process entry: `npm start`. Without app credentials Probot serves its setup page (from
 * app.yml), as every Probot app does; with them, Sluice opens (and migrates) its store and
 * serves webhooks.
 */
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
  await run(() => undefined, { Octokit });
} else {
  const store = await openStore(resolveStoreLocation({ env: process.env, cwd: process.cwd() }));
  const server = await run(
    createSluiceApp({
      store,
      sweeps: env.sweeps,
      settings: { appUrl: env.appUrl },
      testHooks: env.testHooks,
    }),
    { Octokit },
  );
  const stop = async (): Promise<void> => {
    await server.stop();
    await store.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
}
