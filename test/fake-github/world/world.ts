import { VirtualClock } from './clock.js';
import { IdSequence } from './ids.js';
import type {
  Account,
  AccountType,
  App,
  Installation,
  InstallationToken,
  RepoState,
} from './types.js';
import type { Violation, RequestLogEntry } from './logs.js';
import { OAuthStore } from '../oauth/oauth-store.js';

/**
 * Everything the stand-in knows, apart from git objects and refs (which live in each
 * repository's bare git repo). One World per FakeGitHub instance, so tests are isolated.
 */
export class World {
  readonly clock: VirtualClock;
  readonly ids = new IdSequence();
  readonly accounts = new Map<string, Account>();
  readonly apps = new Map<number, App>();
  readonly installations = new Map<number, Installation>();
  readonly tokens = new Map<string, InstallationToken>();
  /** Personal access tokens of harness users, for REST calls and git pushes as a person. */
  readonly userTokens = new Map<string, Account>();
  /** The OAuth web flow's codes and user access tokens (`ghu_…`) of GitHub Apps. */
  readonly oauth = new OAuthStore();
  readonly repos = new Map<string, RepoState>();
  readonly requests: RequestLogEntry[] = [];
  readonly violations: Violation[] = [];
  /** Set once the HTTP server listens; payloads and links point here, never at github.com. */
  baseUrl = 'http://127.0.0.1';

  constructor(clock = new VirtualClock()) {
    this.clock = clock;
  }

  get apiUrl(): string {
    return `${this.baseUrl}/api/v3`;
  }

  account(login: string, type: AccountType = 'User'): Account {
    const existing = this.accounts.get(login.toLowerCase());
    if (existing) return existing;
    const account: Account = {
      id: this.ids.next('account'),
      login,
      type,
      name: login,
      email: type === 'Bot' ? `${login}@users.noreply.github.com` : `${login}@example.com`,
    };
    this.accounts.set(login.toLowerCase(), account);
    return account;
  }

  findAccount(login: string): Account | undefined {
    return this.accounts.get(login.toLowerCase());
  }

  repo(fullName: string): RepoState | undefined {
    return this.repos.get(fullName.toLowerCase());
  }

  requireRepo(fullName: string): RepoState {
    const repo = this.repo(fullName);
    if (!repo) throw new Error(`fake-github: no repository ${fullName}`);
    return repo;
  }

  /** The installation of `appId` that covers `repo`, if any. */
  installationFor(appId: number, repo: RepoState): Installation | undefined {
    for (const installation of this.installations.values()) {
      if (installation.appId !== appId) continue;
      if (installation.account.login.toLowerCase() !== repo.owner.login.toLowerCase()) continue;
      if (installation.repositorySelection === 'all') return installation;
      if (installation.repositories.has(repo.fullName.toLowerCase())) return installation;
    }
    return undefined;
  }

  /** Installations whose app should hear about events in `repo`. */
  installationsCovering(repo: RepoState): Installation[] {
    return [...this.installations.values()].filter(
      (i) => !i.suspended && this.installationFor(i.appId, repo) === i,
    );
  }

  recordViolation(violation: Violation): void {
    this.violations.push(violation);
  }
}
