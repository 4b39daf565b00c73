import type { PullDetails, RequiredPolicy } from '../github/port.js';
import type { ParseConfigResult } from '../config/index.js';
import type { Permission } from '../queue/types.js';

interface Cached<T> {
  value: T;
  at: number;
}

/**
 * What one repository looked like when last read. Webhooks never supply data here; they only
 * invalidate entries (a hint that something changed), and every entry also expires, so a
 * missed webhook costs latency, not correctness. Anything an irreversible step depends on
 * (the head before landing, the base before staging) is read fresh regardless.
 */
export class RepoCache {
  readonly #pulls = new Map<number, Cached<PullDetails>>();
  readonly #permissions = new Map<string, Cached<Permission>>();
  readonly #policies = new Map<string, Cached<RequiredPolicy>>();
  #config: Cached<ParseConfigResult> | undefined;

  constructor(
    private readonly ttl: {
      pullsMs: number;
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
  }
  forgetPull(number: number): void {
    this.#pulls.delete(number);
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

  /** A sweep or an operator asked for fresh eyes. */
  clear(): void {
    this.#pulls.clear();
    this.#permissions.clear();
    this.#policies.clear();
    this.#config = undefined;
  }

  clearPulls(): void {
    this.#pulls.clear();
  }

  forgetConfig(): void {
    this.#config = undefined;
  }
  forgetPolicies(): void {
    this.#policies.clear();
  }
}

export const defaultCacheTtl = {
  pullsMs: 60_000,
  configMs: 10 * 60_000,
  permissionsMs: 5 * 60_000,
  policyMs: 5 * 60_000,
};
