import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { catalogOperations } from './catalog-operations.js';
import { compileRoutes } from './compile-routes.js';
import { createGitHubSpec, type GitHubSpec } from './create-github-spec.js';
import { createSchemaCompiler } from './create-schema-compiler.js';
import { KNOWN_SPEC_BUGS } from './known-spec-bugs.js';
import { normalizeSpecDocument } from './normalize-spec-document.js';
import { patchSpecBugs } from './patch-spec-bugs.js';
import type { SpecDocument } from './spec-document.js';

/** Only this file of the package: its siblings are GHES variants and dereferenced copies. */
const SPEC_FILE = '@octokit/openapi/generated/api.github.com.json';

let loading: Promise<GitHubSpec> | undefined;

/**
 * Reads and normalises the spec once per process (once per test file under Jest, which
 * gives each file its own module registry). Validators compile lazily on first use.
 */
export function loadGitHubSpec(): Promise<GitHubSpec> {
  loading ??= buildGitHubSpec().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

async function buildGitHubSpec(): Promise<GitHubSpec> {
  const started = performance.now();
  const file = createRequire(import.meta.url).resolve(SPEC_FILE);
  const document = JSON.parse(await readFile(file, 'utf8')) as SpecDocument;
  const read = performance.now();
  patchSpecBugs(document);
  normalizeSpecDocument(document);
  const normalized = performance.now();
  const operations = catalogOperations(document);
  const routes = compileRoutes(operations.values());
  const compiler = createSchemaCompiler(document);
  const indexed = performance.now();
  return createGitHubSpec({
    document,
    operations,
    routes,
    compiler,
    knownSpecBugs: KNOWN_SPEC_BUGS,
    loadStats: {
      readMs: read - started,
      normalizeMs: normalized - read,
      indexMs: indexed - normalized,
      totalMs: indexed - started,
    },
  });
}
