import { commands } from './commands/index.js';
import { UsageError, type CliIo } from './types.js';

function renderHelp(): string {
  const width = Math.max(...commands.map((c) => c.name.length), 4);
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    'Usage: sluice <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Run `sluice <command> --help` for its options.',
    '',
  ].join('\n');
}

/** Runs `sluice <command> ...args` and returns the exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(renderHelp());
    return name === undefined ? 2 : 0;
  }
  const entry = commands.find((c) => c.name === name);
  if (!entry) {
    io.stderr.write(`sluice: unknown command '${name}'\n\n${renderHelp()}`);
    return 2;
  }
  // Commands load on demand: `sluice changelog` must not pay for the database drivers.
  const command = await entry.load();
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout.write(command.usage.endsWith('\n') ? command.usage : `${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`sluice ${name}: ${error.message}\n\n${command.usage}\n`);
      return 2;
    }
    throw error;
  }
}
