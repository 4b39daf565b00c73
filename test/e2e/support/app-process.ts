import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import type { ProgressSource } from '../../fake-github/control/progress-watch.js';
import { waitForProgress } from '../../fake-github/control/wait-for-progress.js';

const root = resolve(import.meta.dirname, '../../..');

/** A free port on 127.0.0.1: Probot needs a fixed PORT, so ask the OS for one first. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  await new Promise<void>((r) => server.close(() => r()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/**
 * V8 flags of the production command (`npm start`), so what the tests and benchmarks measure is
 * what runs: a young generation of 2 MiB semi-spaces instead of 16 keeps the resident set of a
 * process that mostly waits on GitHub a third smaller, for a few more (cheap) scavenges.
 */
export const appNodeFlags = ['--max-semi-space-size=2'];

/**
 * The real Sluice process (`node dist/main.js`, built by `npm test`), talking to the local
 * GitHub through GHE_HOST like it would to GitHub Enterprise. Its log is kept for failures.
 */
export class AppProcess {
  readonly log: string[] = [];
  #child: ChildProcess | undefined;
  #lastWork = { count: 0, line: '' };
  #exited: Promise<number | null> = Promise.resolve(null);

  constructor(
    readonly port: number,
    private readonly env: Record<string, string>,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get webhookUrl(): string {
    return `${this.url}/api/github/webhooks`;
  }

  /** The running child's process id (benchmarks read its memory from /proc). */
  get pid(): number | undefined {
    return this.#child?.exitCode === null ? this.#child.pid : undefined;
  }

  async start(): Promise<void> {
    const child = spawn(process.execPath, [...appNodeFlags, resolve(root, 'dist/main.js')], {
      cwd: root,
      env: {
        PATH: process.env.PATH ?? '',
        ...this.env,
        PORT: String(this.port),
        HOST: '127.0.0.1',
        LOG_FORMAT: 'json',
        NODE_ENV: 'test',
      },
      // The app exits when this pipe closes: a force-exited test worker leaves no orphan.
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.#child = child;
    // Held open, never written: it must not keep this process alive on its own.
    (child.stdin as unknown as { unref?: () => void } | null)?.unref?.();
    const collect = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
        this.log.push(line);
        // Probot logs every request, the settle probe's too: those lines are not the app moving.
        if (!line.includes('/sluice/health')) this.#lastWork = { count: this.log.length, line };
      }
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    this.#exited = new Promise((r) => child.once('exit', (code) => r(code)));
    await this.#waitUntilReady();
  }

  /** Start-up is done when health answers; a slow start is fine as long as the app logs. */
  async #waitUntilReady(): Promise<void> {
    await waitForProgress({
      what: 'the app to start',
      sources: [this.logProgress],
      outstanding: async () => {
        if (this.#child?.exitCode !== null || this.#child.signalCode !== null)
          throw new Error(`the app exited during start-up:\n${this.tail()}`);
        const health = await this.health().catch(() => undefined);
        return health ? [] : ['/sluice/health to answer'];
      },
      describe: () => `--- app log ---\n${this.tail()}`,
    });
  }

  /** The app's log as progress: a line about anything but a health probe means it is not stuck. */
  readonly logProgress: ProgressSource = {
    name: 'app log',
    read: () => `line ${this.#lastWork.count}: ${this.#lastWork.line.slice(0, 200)}`,
  };

  async health(): Promise<{ idle: boolean; bot: string | null }> {
    const response = await fetch(`${this.url}/sluice/health`);
    if (!response.ok) throw new Error(`health ${response.status}`);
    return (await response.json()) as { idle: boolean; bot: string | null };
  }

  /** Moves the app's clock forward (test hook). */
  async advanceClock(ms: number): Promise<void> {
    await this.#post('/sluice/test/advance-clock', { ms });
  }

  /**
   * Stops the app's clock (test hook): from now on it moves only with `advanceClock`, so how
   * long a busy machine takes never decides what the app does. A restart starts it again.
   */
  async stopClock(): Promise<void> {
    await this.#post('/sluice/test/stop-clock', {});
  }

  /** Runs a sweep now (test hook), as the periodic timer would. */
  async sweep(discover = false): Promise<void> {
    await this.#post('/sluice/test/sweep', { discover });
  }

  async #post(path: string, body: unknown): Promise<void> {
    const response = await fetch(`${this.url}${path}`, {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json' },
    });
    if (!response.ok) throw new Error(`${path}: ${response.status}`);
  }

  /** SIGKILL: no graceful shutdown, as when a machine dies. */
  async kill(): Promise<void> {
    this.#child?.kill('SIGKILL');
    await this.#exited;
  }

  /**
   * SIGTERM, and SIGKILL only when the graceful shutdown stalls: a kill because the machine was
   * slow would leave a lease behind and change what the next start finds.
   */
  async stop(): Promise<void> {
    const child = this.#child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    let exited = false;
    void this.#exited.then(() => (exited = true));
    child.kill('SIGTERM');
    await waitForProgress({
      what: 'the app to shut down after SIGTERM',
      outstanding: () => (exited ? [] : ['the process to exit']),
      sources: [this.logProgress],
    }).catch(() => child.kill('SIGKILL'));
    await this.#exited;
  }

  tail(lines = 60): string {
    return this.log.slice(-lines).join('\n');
  }
}
