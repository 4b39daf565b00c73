/**
 * Regenerates the committed generated files, or with `--check` fails when one is stale.
 * Each generator returns the file's full expected content; CI runs `--check` so a change to
 * a source can never land without its generated counterpart.
 */
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { loadGenerators } from './generators.js';

const root = resolve(import.meta.dirname, '..');
const check = process.argv.includes('--check');
const generators = await loadGenerators();

let stale = 0;
for (const generator of generators) {
  const path = resolve(root, generator.path);
  const expected = await generator.render();
  const actual = await readFile(path, 'utf8').catch(() => undefined);
  if (actual === expected) continue;
  if (check) {
    stale++;
    console.error(`stale: ${generator.path} (run \`npm run generate\` and commit the result)`);
  } else {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, expected);
    console.log(`wrote ${generator.path}`);
  }
}
if (stale > 0) process.exitCode = 1;
else if (check) console.log(`generated files are fresh (${generators.length} checked)`);
