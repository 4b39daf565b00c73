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
  metrics: MetricsEnv;
}

export interface MetricsEnv {
  /** SLUICE_METRICS_TOKEN: the bearer token a scrape of `/metrics` must send; unset, it is off. */
  token: string | undefined;
}

const minimumTokenLength = 16;

/** A short or spaced token is refused at start-up rather than served behind a weak guard. */
export function readMetricsEnv(env: NodeJS.ProcessEnv): MetricsEnv {
  const token = env.SLUICE_METRICS_TOKEN;
  if (token === undefined || token === '') return { token: undefined };
  if (token.length < minimumTokenLength || /\s/.test(token))
    throw new Error(
      `SLUICE_METRICS_TOKEN must be at least ${minimumTokenLength} characters without spaces; ` +
        'generate one with `openssl rand -hex 32`, or unset it to turn /metrics off',
    );
  return { token };
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
    metrics: readMetricsEnv(env),
  };
}
