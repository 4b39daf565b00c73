import type { LandingScenarioSpec } from './landing-scenario.js';

export interface ApiFault {
  op: string;
  when: 'before' | 'after';
  status: number;
}

/** One run's faults; the kinds follow the campaign's list in docs/reliability.md. */
export type FaultPlan =
  | { kind: 'none' }
  /** SIGKILL right after the app's k-th write (1-based) is applied, then a restart. */
  | { kind: 'kill-after-write'; write: number }
  /** SIGKILL after the app's n-th request of any kind (a "random time" that replays). */
  | { kind: 'kill-after-request'; request: number }
  /** Each delivery dropped with `dropRate`, else duplicated; all of them reordered. */
  | { kind: 'webhook-chaos'; dropRate: number }
  | { kind: 'api-5xx'; faults: ApiFault[] }
  /** A contributor pushes to the PR being landed, between the app's read and its landing write. */
  | { kind: 'push-during-landing' }
  /** After the first landing, lint becomes required (sluice.yml, its push webhook lost; or protection). */
  | { kind: 'policy-change'; what: 'config' | 'protection' }
  /** Three replicas on PostgreSQL, webhooks to all; the busiest one killed after the k-th write. */
  | { kind: 'replicas'; killAfterWrite: number };

export interface RunPlan {
  /** Short, unique within a campaign: `kill-after-write-7`. */
  id: string;
  /** Seeds this run's own choices (reordering pauses, drops). */
  seed: number;
  scenario: LandingScenarioSpec;
  fault: FaultPlan;
}

export function describeFault(fault: FaultPlan): string {
  switch (fault.kind) {
    case 'none':
      return 'no fault';
    case 'kill-after-write':
      return `SIGKILL after write ${fault.write}, restart`;
    case 'kill-after-request':
      return `SIGKILL after request ${fault.request}, restart`;
    case 'webhook-chaos':
      return `webhooks: ${Math.round(fault.dropRate * 100)} % dropped, rest duplicated, all reordered`;
    case 'api-5xx':
      return `5xx: ${fault.faults.map((f) => `${f.status} ${f.when} ${f.op}`).join(', ')}`;
    case 'push-during-landing':
      return 'a contributor pushes to the PR during its landing write';
    case 'policy-change':
      return fault.what === 'config'
        ? 'sluice.yml requires lint after the first landing (push webhook lost)'
        : 'branch protection requires lint after the first landing';
    case 'replicas':
      return `3 replicas on PostgreSQL, the busiest killed after write ${fault.killAfterWrite}`;
  }
}
