import { readFile } from 'node:fs/promises';
import { commands } from './commands/index.js';
import { UsageError, type CliIo } from './types.js';

function renderHelp(): string {
  const width = Math.max(...commands.map((c) => c.name.length), 4);
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    'Usage: sluice <command> [options]',
    '       sluice help <command>',
    '       sluice --version',
    '',
    'Commands:',
    ...lines,
    '',
    'Run `sluice <command> --help` (or `sluice help <command>`) for its options.',
    '',
  ].join('\n');
}

/** The version in package.json: two directories up from both src/cli and dist/cli. */
async function packageVersion(): Promise<string> {
  const text = await readFile(new URL('../../package.json', import.meta.url), 'utf8');
  return (JSON.parse(text) as { version: string }).version;
}

/** Edit distance, for "did you mean …?" on a mistyped command. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** One line naming the unknown command and the closest known one. */
function unknownCommand(name: string): string {
  const [closest] = commands
    .map((c) => ({ name: c.name, d: distance(name, c.name) }))
    .sort((x, y) => x.d - y.d);
  return `sluice: unknown command '${name}'; the closest is '${closest!.name}' (sluice --help lists them)\n`;
}

async function printUsage(name: string, io: CliIo): Promise<number> {
  const entry = commands.find((c) => c.name === name);
  if (!entry) {
    io.stderr.write(unknownCommand(name));
    return 2;
  }
  const { usage } = await entry.load();
  io.stdout.write(usage.endsWith('\n') ? usage : `${usage}\n`);
  return 0;
}

/** Runs `sluice <command> ...args` and returns the exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === '--version' || name === '-V') {
    io.stdout.write(`${await packageVersion()}\n`);
    return 0;
  }
  if (name === 'help' && args[0] !== undefined) return printUsage(args[0], io);
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(renderHelp());
    return name === undefined ? 2 : 0;
  }
  const entry = commands.find((c) => c.name === name);
  if (!entry) {
    io.stderr.write(unknownCommand(name));
    return 2;
  }
  // Commands load on demand: `sluice changelog` must not pay for the database drivers.
  const command = await entry.load();
  if (args.includes('--help') || args.includes('-h')) return printUsage(name, io);
  try {
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      // The mistake on one line (parseArgs explains some over several), then where to look.
      const message = error.message.replace(/\s*\n\s*/g, ' ').trim();
      io.stderr.write(`sluice ${name}: ${message}\nRun 'sluice ${name} --help' for usage.\n`);
      return 2;
    }
    throw error;
  }
}
