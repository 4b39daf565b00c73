import type { Probot } from 'probot';

type Logger = Probot['log'];

export interface LogRecord {
  level: string;
  message: string;
  details: Record<string, unknown>;
  /** The whole record as a JSON-ish line, to search for leaked body text. */
  line: string;
}

/** A logger with Probot's (pino's) shape that keeps what is logged, for assertions. */
export function captureLog(): { log: Logger; records: LogRecord[] } {
  const records: LogRecord[] = [];
  const make = (bindings: Record<string, unknown>): Logger => {
    const at =
      (level: string) =>
      (first?: unknown, second?: unknown): void => {
        const details = typeof first === 'object' && first !== null ? first : {};
        const message =
          typeof first === 'string' ? first : typeof second === 'string' ? second : '';
        const all = { ...bindings, ...(details as Record<string, unknown>) };
        records.push({ level, message, details: all, line: `${message} ${describe(all)}` });
      };
    const logger = {
      level: 'trace',
      trace: at('trace'),
      debug: at('debug'),
      info: at('info'),
      warn: at('warn'),
      error: at('error'),
      fatal: at('fatal'),
      child: (more: Record<string, unknown>) => make({ ...bindings, ...more }),
    };
    return logger as unknown as Logger;
  };
  return { log: make({}), records };
}

function describe(details: Record<string, unknown>): string {
  try {
    return JSON.stringify(details, (_key, value: unknown) =>
      value instanceof Error ? { ...value, message: value.message, stack: value.stack } : value,
    );
  } catch {
    return '(unserialisable details)';
  }
}
