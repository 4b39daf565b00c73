import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { SpecDocument } from './spec-document.js';

/**
 * Test support: GitHub's own example body for a response, from the raw (unnormalised)
 * description, for tests that need a realistic payload without a page of fixture.
 */
export function readDocumentedExample(operationId: string, status: number): unknown {
  const document = readRawDocument();
  for (const item of Object.values(document.paths)) {
    for (const operation of Object.values(item)) {
      if (operation?.operationId !== operationId) continue;
      const response = operation.responses?.[String(status)] as RawResponse | undefined;
      const example = response?.content?.['application/json']?.examples?.default;
      if (example?.value !== undefined) return structuredClone(example.value);
      const name = example?.$ref?.split('/').pop();
      const shared = name === undefined ? undefined : document.components.examples[name];
      if (shared !== undefined) return structuredClone(shared.value);
    }
  }
  throw new Error(`No documented example for ${operationId} ${status}`);
}

interface RawExample {
  value?: unknown;
  $ref?: string;
}
interface RawResponse {
  content?: Record<string, { examples?: Record<string, RawExample> }>;
}
type RawDocument = SpecDocument & { components: { examples: Record<string, { value: unknown }> } };

let raw: RawDocument | undefined;

function readRawDocument(): RawDocument {
  const file = createRequire(import.meta.url).resolve(
    '@octokit/openapi/generated/api.github.com.json',
  );
  raw ??= JSON.parse(readFileSync(file, 'utf8')) as RawDocument;
  return raw;
}
