import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { waitForProgress } from '../../../control/wait-for-progress.js';

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
export async function startStandalone(args: string[]): Promise<Standalone> {
  const child: ChildProcess = spawn(
    process.execPath,
    [resolve(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/local-github.ts', ...args],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  await waitForProgress({
    what: 'local-github to print its banner',
    outstanding: () => {
      if (child.exitCode !== null) throw new Error(`local-github exited:\n${out}`);
      return out.includes('Ctrl-C stops it.') ? [] : ['the banner'];
    },
    sources: [{ name: 'output', read: () => `${out.length} characters` }],
    describe: () => out,
  }).catch((error: unknown) => {
    child.kill('SIGKILL');
    throw error;
  });
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
