import { describe, expect, it } from '@jest/globals';
import { readDashboardEnv } from '../../../src/web/dashboard-env.js';

describe('readDashboardEnv', () => {
  it('reads the OAuth client, derives a session secret from it, and finds GitHub Enterprise', () => {
    const env = readDashboardEnv({
      GITHUB_CLIENT_ID: 'Iv1.abc',
      GITHUB_CLIENT_SECRET: 'f'.repeat(40),
      GHE_HOST: 'ghe.example.com',
      SLUICE_APP_URL: 'https://sluice.example.com/',
    });
    expect(env.oauth).toEqual({ clientId: 'Iv1.abc', clientSecret: 'f'.repeat(40) });
    expect(env.sessionSecret?.length).toBeGreaterThanOrEqual(32);
    expect(env.github).toEqual({
      webUrl: 'https://ghe.example.com',
      apiUrl: 'https://ghe.example.com/api/v3',
    });
    expect(env.appUrl).toBe('https://sluice.example.com');
    expect(env.publicRepos).toBe(false);
    expect(env.enabled).toBe(true);
  });

  it('says what is wrong with half a client, a short secret or a bad app URL', () => {
    expect(() => readDashboardEnv({ GITHUB_CLIENT_ID: 'Iv1.abc' })).toThrow(/both/);
    expect(() => readDashboardEnv({ SLUICE_SESSION_SECRET: 'short' })).toThrow(/32 characters/);
    expect(() => readDashboardEnv({ SLUICE_APP_URL: 'sluice.example.com' })).toThrow(/http/);
  });

  it('runs without sign-in on github.com by default, and can be turned off', () => {
    expect(readDashboardEnv({})).toMatchObject({
      oauth: undefined,
      sessionSecret: undefined,
      github: { webUrl: 'https://github.com', apiUrl: 'https://api.github.com' },
    });
    expect(readDashboardEnv({ SLUICE_DASHBOARD: 'off' }).enabled).toBe(false);
    expect(readDashboardEnv({ SLUICE_DASHBOARD_PUBLIC: '1' }).publicRepos).toBe(true);
  });
});
