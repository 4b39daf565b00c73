import type { SweepSchedule } from './sweeps.js';

export interface RuntimeEnv {
  /** APP_ID and a private key are set: run the app; otherwise Probot's setup page. */
  configured: boolean;
  throttle: boolean;
  sweeps: SweepSchedule;
  appUrl: string | undefined;
  /** SLUICE_TEST_HOOKS=1: the end-to-end tests' clock and sweep hooks. Never in production. */
  testHooks: boolean;
}

function positive(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed <= 0)
    throw new Error(`${name} must be a positive number, got ${JSON.stringify(value)}`);
  return parsed;
}

/** Sluice's own settings from the environment (Probot reads APP_ID, PRIVATE_KEY, ... itself). */
export function readRuntimeEnv(env: NodeJS.ProcessEnv): RuntimeEnv {
  return {
    configured: Boolean(env.APP_ID) && Boolean(env.PRIVATE_KEY || env.PRIVATE_KEY_PATH),
    throttle: env.SLUICE_GITHUB_THROTTLE !== 'off',
    sweeps: {
      intervalMs: positive(env.SLUICE_SWEEP_INTERVAL_MS, 5 * 60_000, 'SLUICE_SWEEP_INTERVAL_MS'),
      discoverEvery: positive(env.SLUICE_DISCOVER_EVERY, 6, 'SLUICE_DISCOVER_EVERY'),
    },
    appUrl: env.SLUICE_APP_URL || undefined,
    testHooks: env.SLUICE_TEST_HOOKS === '1',
  };
}
