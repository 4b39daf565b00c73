import type { CliCommand } from '../types.js';

/**
 * Commands are imported when run, not when `sluice` starts: the store's database drivers
 * alone take over half a second to import, and `sluice changelog` runs in release jobs and
 * benchmarks where start-up is most of its time. Name and summary live here for `--help`;
 * the CLI dispatcher (../main.ts) loads the one command it runs.
 */
export interface CommandEntry {
  name: string;
  summary: string;
  load: () => Promise<CliCommand>;
}

/** Every `sluice` subcommand, in the order `sluice --help` lists them. */
export const commands: CommandEntry[] = [
  {
    name: 'changelog',
    summary: 'turn the merge subjects between two refs into changelog entries',
    load: async () => (await import('./changelog.js')).changelogCommand,
  },
  {
    name: 'classify',
    summary: 'name the gate a failing CI log shows, with the evidence and the fix',
    load: async () => (await import('./classify.js')).classifyCommand,
  },
  {
    name: 'config',
    summary: 'check a .github/sluice.yml before pushing it, with the errors the app shows',
    load: async () => (await import('./config.js')).configCommand,
  },
  {
    name: 'doctor',
    summary: 'compare the store with GitHub, and with --fix repair what is safe to',
    load: async () => (await import('./doctor.js')).doctorCommand,
  },
  {
    name: 'status',
    summary: 'show the queues in the terminal, read-only, while the app runs',
    load: async () => (await import('./status.js')).statusCommand,
  },
  {
    name: 'simulate',
    summary: 'simulate the queue on your numbers and compare it with other merge queues',
    load: async () => (await import('./simulate.js')).simulateCommand,
  },
  {
    name: 'migrate',
    summary: "create or upgrade the store's tables (also done at start-up)",
    load: async () => (await import('./migrate.js')).migrateCommand,
  },
];
