import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import { load } from 'js-yaml';
import { doctorCommand } from '../../../../src/cli/commands/doctor.js';
import { openStore } from '../../../../src/store/index.js';
import type { Store } from '../../../../src/store/types.js';
import { FakeGitHub } from '../../../fake-github/fake-github.js';
import type { RegisteredApp } from '../../../fake-github/control/register-app.js';
import type { RepoHandle } from '../../../fake-github/control/repo-handle.js';
import type { Permissions } from '../../../fake-github/world/types.js';

export interface DoctorRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** An hour ago: old enough that nothing in the store counts as work in progress. */
export const anHourAgo = () => new Date(Date.now() - 60 * 60_000);

async function manifestPermissions(): Promise<Permissions> {
  const text = await readFile(resolve(import.meta.dirname, '../../../../app.yml'), 'utf8');
  return (load(text) as { default_permissions: Permissions }).default_permissions;
}

/**
 * The local GitHub with Sluice registered and installed on `acme` with app.yml's
 * permissions, and a SQLite store per test: doctor runs as the CLI would, over HTTP.
 */
export class DoctorWorld {
  #repos = 0;
  store!: Store;
  #directory = '';

  private constructor(
    readonly gh: FakeGitHub,
    readonly registered: RegisteredApp,
  ) {}

  static async start(): Promise<DoctorWorld> {
    const gh = await FakeGitHub.start();
    gh.world.account('acme', 'Organization');
    const registered = gh.registerApp({
      slug: 'sluice',
      permissions: await manifestPermissions(),
      events: ['pull_request', 'push'],
    });
    gh.install(registered.app, {
      account: 'acme',
      receiver: () => Promise.resolve({ status: 200 }),
    });
    return new DoctorWorld(gh, registered);
  }

  /** This test's temporary directory: the store, and the command's working directory. */
  get directory(): string {
    return this.#directory;
  }

  get databasePath(): string {
    return join(this.#directory, 'sluice.db');
  }

  /** The app's environment: credentials and the stand-in's address. */
  get env(): NodeJS.ProcessEnv {
    return { ...this.gh.envFor(this.registered), SLUICE_GITHUB_THROTTLE: 'off' };
  }

  async openStore(): Promise<void> {
    this.#directory = await mkdtemp(join(tmpdir(), 'sluice-doctor-'));
    this.store = await openStore({ sqlitePath: this.databasePath });
  }

  async closeStore(): Promise<void> {
    await this.store.close();
    await rm(this.#directory, { recursive: true, force: true });
  }

  /** A fresh repository per test, `acme/widgets-<n>`, with `files` on main. */
  async repo(files: Record<string, string> = {}): Promise<RepoHandle> {
    this.#repos += 1;
    const fullName = `acme/widgets-${this.#repos}`;
    await this.gh.createRepo({
      fullName,
      ownerType: 'Organization',
      files: { 'README.md': 'hello\n', ...files },
      collaborators: { alice: 'write', bob: 'write' },
    });
    return this.gh.repo(fullName);
  }

  async openPull(repo: RepoHandle, branch: string): Promise<{ number: number; headSha: string }> {
    const issue = await repo.openPullRequest({
      author: 'alice',
      branch,
      commits: [{ message: `feat: ${branch}`, files: { [`${branch}.txt`]: `${branch}\n` } }],
    });
    return { number: issue.number, headSha: issue.pull.headSha };
  }

  /** `sluice doctor --database <this store> ...args`, with in-memory streams. */
  async doctor(args: string[], env: NodeJS.ProcessEnv = this.env): Promise<DoctorRun> {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    const [out, err] = [collect(stdout), collect(stderr)];
    const io = { stdin: new PassThrough(), stdout, stderr, cwd: this.#directory, env };
    const code = await doctorCommand.run(['--database', this.databasePath, ...args], io);
    return { code, stdout: out(), stderr: err() };
  }

  close(): Promise<void> {
    return this.gh.close();
  }
}

function collect(stream: PassThrough): () => string {
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return () => text;
}
