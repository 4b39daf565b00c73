import { spawn } from 'node:child_process';
import { waitForProgress } from '../../fake-github/control/wait-for-progress.js';
import { WatchedProcess } from './run-command.js';

/**
 * Sluice as an operator starts it from an install: `npm start` in the installed package. The
 * process gets its own process group, so that whatever npm started can be ended with it.
 */
export class InstalledApp {
  readonly #watched: WatchedProcess;

  private constructor(
    readonly url: string,
    watched: WatchedProcess,
  ) {
    this.#watched = watched;
  }

  /**
   * Starts the app and returns once `readyPath` answers 2xx or 3xx: polled, and given up only
   * when the process exits or nothing (output, CPU) moves for the stall period.
   */
  static async start(options: {
    dir: string;
    env: NodeJS.ProcessEnv;
    port: number;
    readyPath: string;
  }): Promise<InstalledApp> {
    const child = spawn('npm', ['start'], {
      cwd: options.dir,
      env: { ...options.env, PORT: String(options.port), HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const app = new InstalledApp(
      `http://127.0.0.1:${options.port}`,
      new WatchedProcess('npm start', child),
    );
    try {
      await waitForProgress({
        what: `the installed app to answer ${options.readyPath}`,
        outstanding: async () => {
          if (app.#watched.exit)
            throw new Error(
              `the installed app exited (${JSON.stringify(app.#watched.exit)}):\n${app.tail()}`,
            );
          const status = await fetch(`${app.url}${options.readyPath}`, { redirect: 'manual' })
            .then((r) => r.status)
            .catch(() => 0);
          return status >= 200 && status < 400 ? [] : [`${options.readyPath} to answer`];
        },
        sources: app.#watched.progress,
        describe: () => `--- npm start in ${options.dir} ---\n${app.tail()}`,
      });
    } catch (error) {
      await app.stop();
      throw error;
    }
    return app;
  }

  get log(): string[] {
    return this.#watched.output;
  }

  /** The app's JSON log records (npm's own lines are not JSON). */
  get records(): Record<string, unknown>[] {
    return this.log.flatMap((line) => {
      if (!line.startsWith('{')) return [];
      try {
        return [JSON.parse(line) as Record<string, unknown>];
      } catch {
        return [];
      }
    });
  }

  tail(lines = 60): string {
    return this.#watched.tail(lines);
  }

  get logProgress() {
    return this.#watched.progress;
  }

  /**
   * SIGTERM to the process group, as a service manager or a terminal stops it: npm itself
   * does not pass SIGTERM on to the script it runs. Waits until every process of the group
   * has closed its output; one that stalls is ended with SIGKILL.
   */
  async stop(): Promise<void> {
    const pid = this.#watched.child.pid;
    if (pid === undefined) return;
    if (this.#watched.exit === undefined && isGroupAlive(pid)) {
      process.kill(-pid, 'SIGTERM');
      await waitForProgress({
        what: 'the installed app to shut down after SIGTERM',
        outstanding: () => (this.#watched.exit ? [] : ['its processes to exit']),
        sources: this.#watched.progress,
      }).catch(() => isGroupAlive(pid) && process.kill(-pid, 'SIGKILL'));
    }
    await this.#watched.exited;
    if (isGroupAlive(pid)) process.kill(-pid, 'SIGKILL');
  }
}

function isGroupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}
