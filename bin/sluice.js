#!/usr/bin/env node
// The `sluice` command. Runs the compiled CLI from dist/: the package (`npm pack`) ships it; in
// a clone, `npm run build` makes it.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(cli)) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  process.stderr.write(
    `sluice: ${fileURLToPath(cli)} is missing: run \`npm run build\` in ${root} first\n`,
  );
  process.exit(1);
}
const { runCli } = await import(cli.href);

// A reader that stops early (`sluice changelog parse | head -1`) closes the pipe: there is
// nobody left to tell, so stop quietly, as a command killed by SIGPIPE does.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}

const io = {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  env: process.env,
};

try {
  process.exitCode = await runCli(process.argv.slice(2), io);
} catch (error) {
  if (error?.code === 'EPIPE') process.exit(0);
  process.stderr.write(
    `sluice: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
}
