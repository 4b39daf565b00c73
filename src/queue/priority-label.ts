import type { SluiceConfig } from '../config/index.js';
import type { Priority } from './types.js';

/**
 * The priority label on a PR (`queue.priority.labels`), compared ignoring case as GitHub
 * compares label names; with both on it, `high` wins. Undefined: no priority label.
 */
export function priorityLabel(
  labels: readonly string[],
  config: SluiceConfig,
): { priority: Priority; label: string } | undefined {
  const on = new Set(labels.map((l) => l.toLowerCase()));
  const { high, low } = config.queue.priority.labels;
  if (high !== null && on.has(high.toLowerCase())) return { priority: 'high', label: high };
  if (low !== null && on.has(low.toLowerCase())) return { priority: 'low', label: low };
  return undefined;
}
