import { SluiceMetrics } from '../../../src/metrics/sluice-metrics.js';
import type { Log } from '../../../src/reconcile/types.js';
import type { ActiveEntryCount } from '../../../src/store/types.js';
import { parsePrometheusText, type Sample } from '../../support/parse-prometheus-text.js';

export type LoggedLine = { level: string; fields: object; msg: string | undefined };

/** A log that keeps what was said, by level. */
export function aLog(): Log & { lines: LoggedLine[] } {
  const lines: LoggedLine[] = [];
  const at = (level: string) => (fields: object, msg?: string) =>
    void lines.push({ level, fields, msg });
  return { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

export function someMetrics(
  countActive: () => Promise<ActiveEntryCount[]> = () => Promise.resolve([]),
  log: Log = aLog(),
): SluiceMetrics {
  return new SluiceMetrics({ countActive, log });
}

/** What a scrape would read now. */
export async function scrapeSamples(metrics: SluiceMetrics): Promise<Sample[]> {
  return parsePrometheusText((await metrics.exposition()).body);
}
