#!/usr/bin/env node
// The `sluice` command. Runs the compiled CLI from dist/ (`npm run build` makes it).
import { runCli } from '../dist/cli/main.js';

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
