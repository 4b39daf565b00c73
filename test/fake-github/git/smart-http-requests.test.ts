import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { gzipSync } from 'node:zlib';
import { startTestGitServer } from './test-git-server.js';
import type { TestGitServer } from './test-git-server.js';

let s: TestGitServer;
beforeEach(async () => {
  s = await startTestGitServer();
});
afterEach(() => s.close());

describe('smart HTTP requests', () => {
  it('asks for Basic credentials when none or bad ones are sent', async () => {
    const url = `${s.origin}/acme/widgets.git/info/refs?service=git-upload-pack`;
    const anonymous = await fetch(url);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toBe('Basic realm="GitHub"');
    const wrong = await fetch(url, {
      headers: { authorization: `Basic ${btoa('x-access-token:nope')}` },
    });
    expect(wrong.status).toBe(401);
  });

  it('inflates gzipped request bodies before git reads them', async () => {
    // A protocol v2 ls-refs request: pkt-lines "command=ls-refs\n", delimiter, flush.
    const body = gzipSync(Buffer.from('0014command=ls-refs\n00010000'));
    const response = await fetch(`${s.origin}/acme/widgets.git/git-upload-pack`, {
      method: 'POST',
      body,
      headers: {
        authorization: `Basic ${btoa('x-access-token:reader')}`,
        'content-type': 'application/x-git-upload-pack-request',
        'content-encoding': 'gzip',
        'git-protocol': 'version=2',
      },
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain(
      `${await s.repo.resolveRef('refs/heads/main')} refs/heads/main`,
    );
  });

  it('answers 404 for an unknown repository and leaves other paths to the caller', async () => {
    const missing = await fetch(`${s.origin}/acme/nothing.git/info/refs?service=git-upload-pack`);
    expect(missing.status).toBe(404);
    const other = await fetch(`${s.origin}/api/v3/repos/acme/widgets`);
    expect(other.status).toBe(418);
  });
});
