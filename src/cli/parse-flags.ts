import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './types.js';

/**
 * `parseArgs` with its complaints (an unknown flag, a missing value) turned into the
 * UsageError every command reports the same way: one line, a pointer to --help, exit 2.
 */
export function parseFlags<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}
