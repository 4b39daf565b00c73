import type { ConfigWarning } from '../config/types.js';

/** Config warnings as a markdown section for the `Sluice` check run; empty when there are none. */
export function renderConfigWarnings(warnings: readonly ConfigWarning[]): string {
  if (warnings.length === 0) return '';
  const items = warnings.map(
    (warning) => `- **${warning.path}, line ${warning.line}:** ${warning.message}`,
  );
  return `### Configuration warnings\n\n${items.join('\n')}\n`;
}
