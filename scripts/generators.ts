/**
 * The committed generated files and how to render each. Every module in
 * `scripts/generators/` exports one `generator`; adding a file there is all it takes.
 */
import { readdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface Generator {
  /** Path relative to the repository root. */
  path: string;
  render(): Promise<string>;
}

export async function loadGenerators(): Promise<Generator[]> {
  const dir = resolve(import.meta.dirname, 'generators');
  const files = (await readdir(dir)).filter((f) => f.endsWith('.ts')).sort();
  const modules = await Promise.all(
    files.map(
      (f) => import(pathToFileURL(resolve(dir, f)).href) as Promise<{ generator: Generator }>,
    ),
  );
  return modules.map((m) => m.generator);
}
