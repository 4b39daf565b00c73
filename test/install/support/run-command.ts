import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { delimiter } from 'node:path';
import type { ProgressSource } from '../../fake-github/control/progress-watch.js';
import { waitForProgress } from '../../fake-github/control/wait-for-progress.js';

/**
 * The environment of a developer's shell, for commands that install and run Sluice the way an
 * operator would. Under `npm run jest`, npm put every `node_modules/.bin` above the repository
 * on PATH (the repository's `tsc` among them) and described its own script in `npm_*`
 * variables: an installed `npm start` that compiled would find the repository's compiler, and
 * a nested npm would read the outer script's package.
 */
export function operatorEnv(overrides: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (
      /^npm_(package_|lifecycle_|command$|execpath$|node_execpath$|config_local_prefix$)/.test(key)
    )
      continue;
    if (key === 'INIT_CWD' || key === 'NODE_ENV' || key === 'JEST_WORKER_ID') continue;
    env[key] = value;
  }
  env.PATH = (process.env.PATH ?? '')
    .split(delimiter)
    .filter((dir) => !/[\\/]node_modules[\\/]\.bin$/.test(dir) && !dir.includes('node-gyp-bin'))
    .join(delimiter);
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}

/**
 * CPU time used so far by a process and everything under it (Linux /proc, in clock ticks):
 * a command that works without printing (tsc, a native build) still moves this, so a wait on
 * it fails only when the whole tree sits idle, never because a busy machine is slow.
 */
export function processTreeCpu(rootPid: number): number {
  const stats = new Map<number, { ppid: number; ticks: number }>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let text: string;
    try {
      text = readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue; // exited while we looked
    }
    // Fields after the command name, which is in parentheses and may hold spaces.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    const ppid = Number(fields[1]);
    // utime, stime, and the waited-for children's cutime, cstime.
    const ticks = [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i] ?? 0), 0);
    stats.set(Number(name), { ppid, ticks });
  }
  let total = 0;
  const within = (pid: number): boolean => {
    for (let at = pid, hops = 0; at > 1 && hops < 64; hops++) {
      if (at === rootPid) return true;
      at = stats.get(at)?.ppid ?? 0;
    }
    return false;
  };
  for (const [pid, { ticks }] of stats) if (within(pid)) total += ticks;
  return total;
}

/** A child's output lines and CPU time as progress for `waitForProgress`. */
export class WatchedProcess {
  readonly output: string[] = [];
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  #exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  #cpu = { at: 0, ticks: 0 };

  constructor(
    readonly name: string,
    readonly child: ChildProcess,
  ) {
    for (const stream of [child.stdout, child.stderr]) {
      // A chunk may end inside a line: keep the rest until the line ends.
      let partial = '';
      const push = (line: string) => {
        if (line.trim()) this.output.push(line);
      };
      stream?.setEncoding('utf8');
      stream?.on('data', (chunk: string) => {
        const lines = (partial + chunk).split('\n');
        partial = lines.pop() ?? '';
        lines.forEach(push);
      });
      stream?.on('end', () => push(partial));
    }
    this.exited = new Promise((resolve, reject) => {
      child.once('error', reject);
      child.once('close', (code, signal) => {
        this.#exit = { code, signal };
        resolve(this.#exit);
      });
    });
    // Observed through `exit`; an unhandled rejection here would only repeat a spawn error.
    this.exited.catch(() => undefined);
  }

  get exit() {
    return this.#exit;
  }

  readonly progress: ProgressSource[] = [
    {
      name: 'output',
      read: () => `line ${this.output.length}: ${(this.output.at(-1) ?? '').slice(0, 200)}`,
    },
    {
      name: 'CPU time',
      read: () => {
        // /proc is read at most once a second, whatever the polling rate of the wait.
        const now = Date.now();
        if (this.#exit === undefined && this.child.pid !== undefined && now - this.#cpu.at >= 1000)
          this.#cpu = { at: now, ticks: processTreeCpu(this.child.pid) };
        return `${this.#cpu.ticks} ticks`;
      },
    },
  ];

  /** The first and last lines of the output: npm says what failed first, then prints help. */
  tail(lines = 40): string {
    if (this.output.length <= lines + 10) return this.output.join('\n');
    return [...this.output.slice(0, 10), '[…]', ...this.output.slice(-lines)].join('\n');
  }
}

export class CommandFailedError extends Error {
  override name = 'CommandFailedError';
}

/**
 * Runs a command to its end and returns its output; fails when it exits non-zero, or when it
 * neither prints nor uses CPU for the stall period (SLUICE_STALL_MS, default 120 s).
 */
export async function runCommand(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): Promise<string> {
  const name = [command, ...args].join(' ');
  const watched = new WatchedProcess(
    name,
    spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] }),
  );
  await waitForProgress({
    what: `\`${name}\` to finish`,
    outstanding: () => (watched.exit ? [] : [`\`${name}\` to exit`]),
    sources: watched.progress,
    describe: () => `--- output of \`${name}\` in ${options.cwd} ---\n${watched.tail()}`,
  });
  const { code, signal } = await watched.exited;
  if (code !== 0)
    throw new CommandFailedError(
      `\`${name}\` in ${options.cwd} exited ${code ?? signal}:\n${watched.tail()}`,
    );
  return watched.output.join('\n');
}
