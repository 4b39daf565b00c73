import { hostname } from 'node:os';
import type { SweepSchedule } from './sweeps.js';

export interface RuntimeEnv {
  /** APP_ID and a private key are set: run the app; otherwise Probot's setup page. */
  configured: boolean;
  throttle: boolean;
  sweeps: SweepSchedule;
  /** Queue leases: how long one lasts unrenewed, how often its holder renews it. */
  leases: { ttlMs: number; renewMs: number; replica: string };
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

/** A holder that renews less often than its lease lasts could lose it while working. */
function readLeaseTiming(env: NodeJS.ProcessEnv): RuntimeEnv['leases'] {
  const ttlMs = positive(env.SLUICE_LEASE_TTL_MS, 60_000, 'SLUICE_LEASE_TTL_MS');
  const renewMs = positive(env.SLUICE_LEASE_RENEW_MS, ttlMs / 4, 'SLUICE_LEASE_RENEW_MS');
  if (renewMs >= ttlMs)
    throw new Error(
      `SLUICE_LEASE_RENEW_MS (${renewMs}) must be less than SLUICE_LEASE_TTL_MS (${ttlMs}); ` +
        'a quarter of it is the default',
    );
  // Stable across restarts and unique among running replicas: a host serves one port once.
  const replica = env.SLUICE_REPLICA_ID || `${hostname()}:${env.PORT || '3000'}`;
  return { ttlMs, renewMs, replica };
}

/** Sluice's own settings from the environment (Probot reads APP_ID, PRIVATE_KEY, ... itself). */
export function readRuntimeEnv(env: NodeJS.ProcessEnv): RuntimeEnv {
  return {
    configured: Boolean(env.APP_ID) && Boolean(env.PRIVATE_KEY || env.PRIVATE_KEY_PATH),
    throttle: env.SLUICE_GITHUB_THROTTLE !== 'off',
    sweeps: {
      intervalMs: positive(env.SLUICE_SWEEP_INTERVAL_MS, 5 * 60_000, 'SLUICE_SWEEP_INTERVAL_MS'),
      discoverEvery: positive(env.SLUICE_DISCOVER_EVERY, 1, 'SLUICE_DISCOVER_EVERY'),
    },
    leases: readLeaseTiming(env),
    appUrl: env.SLUICE_APP_URL || undefined,
    testHooks: env.SLUICE_TEST_HOOKS === '1',
  };
}
