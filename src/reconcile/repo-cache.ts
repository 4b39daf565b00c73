import type { PullDetails, RequiredPolicy } from '../github/port.js';
import type { ParseConfigResult } from '../config/index.js';
import type { ObservedCheck, ObservedPull, Permission } from '../queue/types.js';
import { NodeIds } from './node-ids.js';
import { BuildMemo } from './build-memo.js';

interface Cached<T> {
  value: T;
  at: number;
}

/**
 * What one repository looked like when last read. Webhooks mostly only invalidate entries (a
 * hint that something changed); the one exception is a check run's own report, which updates
 * the checks already held for its commit (see `reportCheckRun`). Every entry also expires, so
 * a missed webhook costs latency, not correctness. Anything an irreversible step depends on
 * (the head before landing, the checks and base before landing) is read fresh regardless.
 */
export class RepoCache {
  readonly #pulls = new Map<number, Cached<PullDetails>>();
  /** The newest event a webhook reported per PR (`updated_at`, head): older copies are not kept. */
  readonly #pullEvents = new Map<number, { at: number; headSha: string }>();
  /** Base branch tips: a push to a base invalidates only its tip, not every PR on it. */
  readonly #bases = new Map<string, Cached<string>>();
  /** Messages of commits Sluice wrote itself (staging commits), by sha. */
  readonly #messages = new Map<string, string>();
  /** Trees of commits Sluice wrote or read: commits never change, so these never expire. */
  readonly #trees = new Map<string, string>();
  /** The checks on commits Sluice tests (staging tips), by sha. */
  readonly #checks = new Map<string, Cached<ObservedCheck[]>>();
  /**
   * How often each sha's checks were reported changed. A read that started before a report
   * is not kept: it may predate the change (a webhook can overtake the read's answer).
   */
  readonly #checkReports = new Map<string, number>();
  readonly #permissions = new Map<string, Cached<Permission>>();
  readonly #policies = new Map<string, Cached<RequiredPolicy>>();
  #config: Cached<ParseConfigResult> | undefined;
  /** Merged trees and staging commits: facts that never go stale, kept across sweeps. */
  readonly builds = new BuildMemo();
  /** GraphQL ids of the repository, its PRs and labels, learned from webhooks. */
  readonly nodeIds = new NodeIds();

  constructor(
    private readonly ttl: {
      pullsMs: number;
      checksMs: number;
      configMs: number;
      permissionsMs: number;
      policyMs: number;
    },
    private readonly clock: () => number = Date.now,
  ) {}

  #fresh<T>(entry: Cached<T> | undefined, ttlMs: number): T | undefined {
    return entry && this.clock() - entry.at < ttlMs ? entry.value : undefined;
  }

  pull(number: number): PullDetails | undefined {
    return this.#fresh(this.#pulls.get(number), this.ttl.pullsMs);
  }
  rememberPull(details: PullDetails): void {
    this.#pulls.set(details.pull.number, { value: details, at: this.clock() });
    // GitHub reports the base tip with every PR read (a copy from a webhook has none).
    if (details.baseSha) this.rememberBase(details.pull.baseRef, details.baseSha);
  }

  /**
   * A webhook says PR `number` changed as of `updatedAt`: what is held of it is dropped, and
   * an older event (deliveries overtake each other) is not taken in later.
   */
  notePullEvent(number: number, event: { updatedAt: string | undefined; headSha: string }): void {
    this.forgetPull(number);
    const at = Date.parse(event.updatedAt ?? '');
    const newest = this.#pullEvents.get(number);
    if (!Number.isFinite(at) || (newest && at <= newest.at)) return;
    if (this.#pullEvents.size >= 1024 && !newest)
      this.#pullEvents.delete(this.#pullEvents.keys().next().value!);
    this.#pullEvents.set(number, { at, headSha: event.headSha });
  }

  /**
   * The PR as a webhook carried it, held as a read would be — unless a newer event about it
   * was seen, or one of the same second (GitHub's resolution) with another head: then it is
   * read. It holds what observing the queue needs, not the base tip or the test merge:
   * building a staging reads the PR afresh regardless.
   */
  rememberPullFromEvent(pull: ObservedPull, updatedAt: string): void {
    const at = Date.parse(updatedAt);
    const newest = this.#pullEvents.get(pull.number);
    this.notePullEvent(pull.number, { updatedAt, headSha: pull.headSha });
    if (!Number.isFinite(at)) return;
    if (newest && (at < newest.at || (at === newest.at && pull.headSha !== newest.headSha))) return;
    const details = {
      pull,
      baseSha: '',
      mergeable: null,
      testMergeSha: null,
      mergeCommitSha: null,
    };
    this.#pulls.set(pull.number, { value: details, at: this.clock() });
  }

  base(branch: string): string | undefined {
    return this.#fresh(this.#bases.get(branch), this.ttl.pullsMs);
  }
  rememberBase(branch: string, sha: string): void {
    this.#bases.set(branch, { value: sha, at: this.clock() });
  }
  forgetBase(branch: string): void {
    this.#bases.delete(branch);
  }

  commitMessage(sha: string): string | undefined {
    return this.#messages.get(sha);
  }
  rememberCommitMessage(sha: string, message: string): void {
    // A handful of recent staging commits is all anyone asks for.
    if (this.#messages.size >= 64) this.#messages.delete(this.#messages.keys().next().value!);
    this.#messages.set(sha, message);
  }
  commitTree(sha: string): string | undefined {
    return this.#trees.get(sha);
  }
  rememberCommitTree(sha: string, tree: string): void {
    // Enough for every staging in flight and the tips they were built on.
    if (this.#trees.size >= 256) this.#trees.delete(this.#trees.keys().next().value!);
    this.#trees.set(sha, tree);
  }
  forgetPull(number: number): void {
    this.#pulls.delete(number);
  }

  checks(sha: string): ObservedCheck[] | undefined {
    return this.#fresh(this.#checks.get(sha), this.ttl.checksMs);
  }
  /** Where a read of `sha`'s checks starts: pass it to `rememberChecks` with the answer. */
  checksVersion(sha: string): number {
    return this.#checkReports.get(sha) ?? 0;
  }
  /** Keeps what a read found, unless a report about `sha` came in since `version`. */
  rememberChecks(sha: string, checks: ObservedCheck[], version: number): void {
    if (this.checksVersion(sha) !== version) return;
    // Enough for every staging in flight; older ones are read again if ever needed.
    if (this.#checks.size >= 256) this.#checks.delete(this.#checks.keys().next().value!);
    this.#checks.set(sha, { value: checks, at: this.clock() });
  }
  /** A check run, suite, status or job on `sha` changed: read its checks afresh. */
  forgetChecks(sha: string): void {
    this.#checks.delete(sha);
    this.#countReport(sha);
  }

  /**
   * A check run on `sha` reported itself (created, completed, or picked up by a runner): the
   * checks held for `sha` take it in, so they need not be read again. A run's report carries
   * everything the queue knows of it, and a run only moves forward (queued → in progress →
   * completed), so a report that arrives late never undoes a newer one; a run with a lower id
   * than the one held under its name was superseded by a re-run and is ignored. Without
   * checks held for `sha`, or with a report this cannot place, they are read afresh instead.
   */
  reportCheckRun(sha: string, run: ObservedCheck): void {
    const held = this.checks(sha);
    const id = run.checkRunId;
    if (!held || id === undefined || run.source !== 'check-run') return this.forgetChecks(sha);
    const same = held.findIndex((c) => c.checkRunId === id);
    const named = held.findIndex((c) => c.source === 'check-run' && c.name === run.name);
    const next = [...held];
    if (same >= 0) {
      const before = held[same]!;
      if (progress(run) < progress(before)) return;
      // Completed twice, differently (an app edited its result): which came last is unknown.
      if (before.state === 'completed' && before.conclusion !== run.conclusion)
        return this.forgetChecks(sha);
      next[same] = run;
    } else if (named >= 0) {
      if ((held[named]!.checkRunId ?? 0) > id) return;
      next[named] = run;
    } else next.push(run);
    this.#countReport(sha);
    this.#checks.set(sha, { value: next, at: this.clock() });
  }

  /**
   * A runner picked up check run `checkRunId` on `sha`: held as queued, it is now running.
   * Anything else about it is what the cache holds; a run it does not hold is read afresh.
   */
  reportRunStarted(sha: string, checkRunId: number): void {
    const held = this.checks(sha)?.find((c) => c.checkRunId === checkRunId);
    if (!held) return this.forgetChecks(sha);
    if (held.state !== 'pending') return;
    const { queued: _queued, ...running } = held;
    this.reportCheckRun(sha, running);
  }

  /**
   * A check suite on `sha` completed: its runs' own reports normally came first and are held;
   * when some held run is still pending (the suite's report overtook theirs, or one was lost),
   * the checks are read afresh.
   */
  reportSuiteCompleted(sha: string): void {
    const held = this.checks(sha);
    if (!held || held.some((c) => c.state === 'pending')) this.forgetChecks(sha);
  }

  #countReport(sha: string): void {
    if (this.#checkReports.size >= 1024 && !this.#checkReports.has(sha))
      this.#checkReports.delete(this.#checkReports.keys().next().value!);
    this.#checkReports.set(sha, this.checksVersion(sha) + 1);
  }

  config(): ParseConfigResult | undefined {
    return this.#fresh(this.#config, this.ttl.configMs);
  }
  rememberConfig(result: ParseConfigResult): void {
    this.#config = { value: result, at: this.clock() };
  }

  permission(login: string): Permission | undefined {
    return this.#fresh(this.#permissions.get(login.toLowerCase()), this.ttl.permissionsMs);
  }
  rememberPermission(login: string, permission: Permission): void {
    this.#permissions.set(login.toLowerCase(), { value: permission, at: this.clock() });
  }

  policy(branch: string): RequiredPolicy | undefined {
    return this.#fresh(this.#policies.get(branch), this.ttl.policyMs);
  }
  rememberPolicy(branch: string, policy: RequiredPolicy): void {
    this.#policies.set(branch, { value: policy, at: this.clock() });
  }

  /** Everything is read afresh. */
  clear(): void {
    this.clearForSweep();
    this.#policies.clear();
    this.#config = undefined;
  }

  /**
   * A sweep looks with fresh eyes at what webhooks report (PRs, base tips, checks), in case one
   * was lost, and at permissions, which no webhook reports. The config and the branch policy
   * are kept: their own webhooks drop them, they expire on their own, and a landing reads both
   * afresh before it writes; reading them on every sweep cost five requests a sweep.
   */
  clearForSweep(): void {
    this.#pulls.clear();
    this.#bases.clear();
    this.#checks.clear();
    this.#permissions.clear();
  }

  forgetConfig(): void {
    this.#config = undefined;
  }
  forgetPolicies(): void {
    this.#policies.clear();
  }
}

/** How far a check run got: a report of an earlier stage is older news. */
function progress(check: ObservedCheck): number {
  if (check.state === 'completed') return 2;
  return check.queued ? 0 : 1;
}

/**
 * Pull requests and checks are invalidated by their webhooks and cleared by every sweep; the
 * time limit covers a webhook that reached another replica (or none).
 */
/**
 * How long each read is trusted without a webhook saying otherwise. The config and the branch
 * policy live longest: their own webhooks drop them, and every landing reads both fresh (and
 * keeps what it read), so a lost webhook delays only a loosening, never lets a decision stand
 * under a policy since tightened.
 */
export const defaultCacheTtl = {
  pullsMs: 5 * 60_000,
  checksMs: 5 * 60_000,
  configMs: 15 * 60_000,
  permissionsMs: 5 * 60_000,
  policyMs: 15 * 60_000,
};
