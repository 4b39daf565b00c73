import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

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
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.#child = child;
    const collect = (chunk: Buffer) =>
      this.log.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    this.#exited = new Promise((r) => child.once('exit', (code) => r(code)));
    await this.#waitUntilReady();
  }

  async #waitUntilReady(): Promise<void> {
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      if (this.#child?.exitCode !== null)
        throw new Error(`the app exited during start-up:\n${this.tail()}`);
      const health = await this.health().catch(() => undefined);
      if (health) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`the app did not start within 20 s:\n${this.tail()}`);
  }

  async health(): Promise<{ idle: boolean; bot: string | null }> {
    const response = await fetch(`${this.url}/sluice/health`);
    if (!response.ok) throw new Error(`health ${response.status}`);
    return (await response.json()) as { idle: boolean; bot: string | null };
  }

  /** Moves the app's clock forward (test hook). */
  async advanceClock(ms: number): Promise<void> {
    await this.#post('/sluice/test/advance-clock', { ms });
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

  async stop(): Promise<void> {
    if (!this.#child || this.#child.exitCode !== null) return;
    this.#child.kill('SIGTERM');
    const timer = setTimeout(() => this.#child?.kill('SIGKILL'), 5000);
    await this.#exited;
    clearTimeout(timer);
  }

  tail(lines = 60): string {
    return this.log.slice(-lines).join('\n');
  }
}
