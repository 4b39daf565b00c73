import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { appNodeFlags } from '../../e2e/support/app-process.js';

const root = resolve(import.meta.dirname, '../../..');

describe('the production command', () => {
  it('starts the app with the V8 flags the end-to-end tests and benchmarks run it with', async () => {
    const pkg = JSON.parse(await readFile(resolve(root, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    // Only runs what is built: a production install has no TypeScript to build with.
    expect(pkg.scripts.start).toBe(`node ${appNodeFlags.join(' ')} dist/main.js`);
    const readme = await readFile(resolve(root, 'README.md'), 'utf8');
    expect(readme).toContain(`node ${appNodeFlags.join(' ')} dist/main.js`);
  });
});
