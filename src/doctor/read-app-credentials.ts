import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CredentialsProblem } from './types.js';

export interface AppCredentials {
  appId: number;
  privateKey: string;
  /** The REST API root: GitHub.com, or GitHub Enterprise Server from GHE_HOST. */
  baseUrl: string;
  /** SLUICE_GITHUB_THROTTLE=off turns Octokit's throttling off, as for the app. */
  throttle: boolean;
}

export type CredentialsResult =
  | { kind: 'none' }
  | { kind: 'invalid'; problem: CredentialsProblem }
  | { kind: 'ok'; credentials: AppCredentials };

const pem = /-----BEGIN (RSA )?PRIVATE KEY-----[\s\S]+-----END (RSA )?PRIVATE KEY-----/;

/**
 * The app's credentials from the environment the app itself reads (Probot's variables):
 * APP_ID with PRIVATE_KEY (PEM, base64 of it, or with `\n` escapes, as Probot accepts) or
 * PRIVATE_KEY_PATH, and GHE_HOST/GHE_PROTOCOL for GitHub Enterprise Server. Neither set means
 * "not configured", which is not an error; one without the other is.
 */
export function readAppCredentials(
  env: NodeJS.ProcessEnv,
  cwd: string,
  readText: (path: string) => string = (path) => readFileSync(path, 'utf8'),
): CredentialsResult {
  const appIdText = env.APP_ID ?? '';
  const hasKey = Boolean(env.PRIVATE_KEY) || Boolean(env.PRIVATE_KEY_PATH);
  if (appIdText === '' && !hasKey) return { kind: 'none' };
  if (appIdText === '') return { kind: 'invalid', problem: { kind: 'key-without-app-id' } };
  if (!hasKey) return { kind: 'invalid', problem: { kind: 'app-id-without-key' } };
  const appId = Number(appIdText);
  if (!Number.isSafeInteger(appId) || appId <= 0)
    return { kind: 'invalid', problem: { kind: 'bad-app-id', value: appIdText } };
  const key = readPrivateKey(env, cwd, readText);
  if (!key.ok) return { kind: 'invalid', problem: key.problem };
  const host = env.GHE_HOST ?? '';
  const baseUrl =
    host === '' ? 'https://api.github.com' : `${env.GHE_PROTOCOL || 'https'}://${host}/api/v3`;
  return {
    kind: 'ok',
    credentials: {
      appId,
      privateKey: key.privateKey,
      baseUrl,
      throttle: env.SLUICE_GITHUB_THROTTLE !== 'off',
    },
  };
}

function readPrivateKey(
  env: NodeJS.ProcessEnv,
  cwd: string,
  readText: (path: string) => string,
): { ok: true; privateKey: string } | { ok: false; problem: CredentialsProblem } {
  if (env.PRIVATE_KEY) {
    let text = env.PRIVATE_KEY;
    if (!text.includes('-----') && Buffer.from(text, 'base64').toString('base64') === text)
      text = Buffer.from(text, 'base64').toString('utf8');
    text = text.replace(/\\n/g, '\n');
    return pem.test(text)
      ? { ok: true, privateKey: text }
      : { ok: false, problem: { kind: 'bad-key' } };
  }
  const path = resolve(cwd, env.PRIVATE_KEY_PATH ?? '');
  let text: string;
  try {
    text = readText(path);
  } catch {
    return { ok: false, problem: { kind: 'key-file-unreadable', path } };
  }
  return pem.test(text)
    ? { ok: true, privateKey: text }
    : { ok: false, problem: { kind: 'key-file-not-pem', path } };
}
