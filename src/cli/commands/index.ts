import type { CliCommand } from '../types.js';

/** Every `sluice` subcommand, in the order `sluice --help` lists them. */
export const commands: CliCommand[] = [];
