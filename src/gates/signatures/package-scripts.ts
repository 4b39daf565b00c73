import type { ToolSpec } from '../types.js';

const runner = String.raw`\b(?:npm|pnpm|yarn|bun)\s+(?:run\s+)?`;

/**
 * Package scripts name their gate (`npm run lint`, `make test`) without naming the tool.
 * Command hints only: the tool they run prints its own signatures.
 */
export const packageScriptTools: readonly ToolSpec[] = [
  {
    id: 'format-script',
    class: 'fmt',
    commands: [
      new RegExp(`${runner}(?:format|fmt|prettier)(?::check|-check)?\\b`),
      new RegExp(`${runner}check-format\\b`),
    ],
    signatures: [],
  },
  {
    id: 'lint-script',
    class: 'lint',
    commands: [new RegExp(`${runner}lint\\b`), /\bmake\s+lint\b/],
    signatures: [],
  },
  {
    id: 'build-script',
    class: 'build',
    commands: [
      new RegExp(`${runner}(?:build|typecheck|type-check|compile)\\b`),
      /\bmake\s+build\b/,
    ],
    signatures: [],
  },
  {
    id: 'test-script',
    class: 'test',
    commands: [new RegExp(`${runner}test\\b`), /\bnpm\s+t\b/, /\bmake\s+test\b/],
    signatures: [],
  },
];
