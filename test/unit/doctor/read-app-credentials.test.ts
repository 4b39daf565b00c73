import { describe, expect, it } from '@jest/globals';
import { generateKeyPairSync } from 'node:crypto';
import { readAppCredentials } from '../../../src/doctor/read-app-credentials.js';
import { describeCredentialsProblem } from '../../../src/messages/doctor-errors.js';

const { privateKey } = generateKeyPairSync('rsa', {
  modulusLength: 1024,
  privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
});
const files: Record<string, string> = { '/keys/app.pem': privateKey, '/keys/notes.txt': 'hello' };
const readText = (path: string) => {
  const text = files[path];
  if (text === undefined) throw new Error('ENOENT');
  return text;
};

const read = (env: NodeJS.ProcessEnv) => readAppCredentials(env, '/keys', readText);

describe('doctor: the app credentials, read as the app reads them', () => {
  it('is not configured without APP_ID and a key, which is no error', () => {
    expect(read({})).toEqual({ kind: 'none' });
  });

  it.each<[string, NodeJS.ProcessEnv]>([
    ['a PEM', { PRIVATE_KEY: privateKey }],
    ['a PEM with \\n escapes', { PRIVATE_KEY: privateKey.replace(/\n/g, '\\n') }],
    ['base64 of a PEM', { PRIVATE_KEY: Buffer.from(privateKey).toString('base64') }],
    ['a file relative to the working directory', { PRIVATE_KEY_PATH: 'app.pem' }],
  ])('takes the private key as %s', (_, env) => {
    const result = read({ APP_ID: '42', ...env });
    expect(result).toEqual({
      kind: 'ok',
      credentials: { appId: 42, privateKey, baseUrl: 'https://api.github.com', throttle: true },
    });
  });

  it('talks to GitHub Enterprise Server at GHE_HOST, with throttling as configured', () => {
    const result = read({
      APP_ID: '42',
      PRIVATE_KEY: privateKey,
      GHE_HOST: 'ghe.example:8443',
      GHE_PROTOCOL: 'http',
      SLUICE_GITHUB_THROTTLE: 'off',
    });
    expect(result).toMatchObject({
      credentials: { baseUrl: 'http://ghe.example:8443/api/v3', throttle: false },
    });
  });

  it.each<[NodeJS.ProcessEnv, string]>([
    [{ PRIVATE_KEY: privateKey }, 'key-without-app-id'],
    [{ APP_ID: '42' }, 'app-id-without-key'],
    [{ APP_ID: 'sluice', PRIVATE_KEY: privateKey }, 'bad-app-id'],
    [{ APP_ID: '42', PRIVATE_KEY: 'not a key' }, 'bad-key'],
    [{ APP_ID: '42', PRIVATE_KEY_PATH: 'missing.pem' }, 'key-file-unreadable'],
    [{ APP_ID: '42', PRIVATE_KEY_PATH: 'notes.txt' }, 'key-file-not-pem'],
  ])('refuses %j as %s, saying what to do', (env, kind) => {
    const result = read(env) as Extract<ReturnType<typeof read>, { kind: 'invalid' }>;
    expect(result).toMatchObject({ kind: 'invalid', problem: { kind } });
    expect(describeCredentialsProblem(result.problem)).toMatch(/\.$/);
  });
});
