import type { SpecDocument } from './spec-document.js';

/**
 * Schemas in the description that no real answer can satisfy, corrected before validation.
 * Unlike KNOWN_SPEC_BUGS (which excuse one null value at one site), these are structural:
 * each patch is one JSON path, with what is wrong and what GitHub really sends. A spec bump
 * that fixes one makes `patchSpecBugs` throw, so the patch is removed rather than kept stale.
 */
interface SchemaPatch {
  path: string[];
  why: string;
  apply(schema: Record<string, unknown>): boolean;
}

const patches: SchemaPatch[] = [
  {
    // Every other installation schema (apps/get-installation, webhooks) says `anyOf`; GitHub
    // sends one account, a user/organization or an enterprise, never both at once.
    path: [
      'paths',
      '/app/installations',
      'get',
      'responses',
      '200',
      'content',
      'application/json',
      'schema',
      'items',
      'properties',
      'account',
    ],
    why: 'apps/list-installations declares `account` as allOf [simple-user, enterprise], which no account satisfies',
    apply(schema) {
      if (!Array.isArray(schema.allOf)) return false;
      schema.anyOf = schema.allOf;
      delete schema.allOf;
      return true;
    },
  },
];

export function patchSpecBugs(document: SpecDocument): void {
  for (const patch of patches) {
    let node: unknown = document;
    for (const key of patch.path) node = (node as Record<string, unknown> | undefined)?.[key];
    if (
      typeof node !== 'object' ||
      node === null ||
      !patch.apply(node as Record<string, unknown>)
    ) {
      throw new Error(`spec patch no longer applies (fixed upstream?): ${patch.why}`);
    }
  }
}
