import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../../../../..');

export interface Standalone {
  /** The stand-in's root URL, as the banner printed it. */
  url: string;
  /** Everything printed so far. */
  output(): string;
  /** Ctrl-C, as a person would; answers the exit code. */
  interrupt(): Promise<number | null>;
}

/** `npm run local-github` without npm in between, so the signal reaches tsx directly. */
export async function startStandalone(args: string[], timeoutMs = 20_000): Promise<Standalone> {
  const child: ChildProcess = spawn(
    process.execPath,
    [resolve(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/local-github.ts', ...args],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  const deadline = Date.now() + timeoutMs;
  while (!out.includes('Ctrl-C stops it.')) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`local-github did not come up:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const url = /^local GitHub\s+(\S+)/m.exec(out)?.[1];
  if (!url) throw new Error(`no URL in the banner:\n${out}`);
  return {
    url,
    output: () => out,
    interrupt: async () => {
      child.kill('SIGINT');
      return exited;
    },
  };
}
