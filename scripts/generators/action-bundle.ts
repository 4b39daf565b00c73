/**
 * The companion Action's committed bundle: action/src bundled with everything it imports,
 * so `action/dist/index.js` runs on the Actions runner with no node_modules.
 */
import { build } from 'esbuild';
import { resolve } from 'node:path';
import type { Generator } from '../generators.js';

const root = resolve(import.meta.dirname, '../..');

export const generator: Generator = {
  path: 'action/dist/index.js',
  async render() {
    const result = await build({
      absWorkingDir: root,
      entryPoints: ['action/src/index.ts'],
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'esm',
      // Bundled CommonJS dependencies call `require`, which ESM output does not define.
      banner: {
        js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
      },
      // Comments name source paths relative to absWorkingDir, so the output is the same
      // on every machine; no minification keeps the committed diff reviewable.
      legalComments: 'eof',
      charset: 'utf8',
      write: false,
      logLevel: 'silent',
    });
    const [output] = result.outputFiles;
    if (!output) throw new Error('esbuild produced no output for action/src/index.ts');
    return output.text;
  },
};
