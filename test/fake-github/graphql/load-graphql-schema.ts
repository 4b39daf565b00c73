import { access, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildSchema, type GraphQLSchema } from 'graphql';

/** GitHub's public schema as the package ships it (SDL; `schema.json` is its introspection twin). */
const PACKAGE = '@octokit/graphql-schema';

export interface GraphqlSchemaLoad {
  schema: GraphQLSchema;
  stats: { readMs: number; buildMs: number };
}

let loading: Promise<GraphqlSchemaLoad> | undefined;

/**
 * Builds GitHub's schema once per process (once per test file under Jest), on the first
 * GraphQL request, so REST-only tests never pay for it.
 */
export function loadGraphqlSchema(): Promise<GraphqlSchemaLoad> {
  loading ??= buildGitHubSchema().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

async function buildGitHubSchema(): Promise<GraphqlSchemaLoad> {
  const started = performance.now();
  const sdl = await readFile(await schemaFile(), 'utf8');
  const read = performance.now();
  // The SDL of 15.26.1 defines two EnterpriseOwnerInfo fields twice, which SDL validation
  // refuses; the schema itself is sound (the package's own validator uses the same types).
  const schema = buildSchema(sdl, { assumeValidSDL: true });
  return { schema, stats: { readMs: read - started, buildMs: performance.now() - read } };
}

/** The package exports only its entry point, so the file is found beside it on the lookup path. */
async function schemaFile(): Promise<string> {
  const candidates = (createRequire(import.meta.url).resolve.paths(PACKAGE) ?? []).map((dir) =>
    join(dir, PACKAGE, 'schema.graphql'),
  );
  for (const file of candidates) {
    const found = await access(file).then(
      () => true,
      () => false,
    );
    if (found) return file;
  }
  throw new Error(`fake-github: ${PACKAGE}/schema.graphql not found (is it installed?)`);
}
