import type { RepoGitHub } from '../github/port.js';
import type { LeaseFence } from './queue-lease.js';

/**
 * The port's methods that only read. Everything else is fenced, including methods added to
 * the port later: an unknown method is taken for a write (fail closed), and fencing a read
 * costs one store read, never a wrong write.
 */
const reads = new Set<string | symbol>([
  'owner',
  'repo',
  'defaultBranch',
  'repositoryId',
  'readFile',
  'readFileIn',
  'branchSha',
  'getPull',
  'readPulls',
  'listLabeledPulls',
  'reviewState',
  'permissionOf',
  'labeledBy',
  'requiredPolicy',
  'checksOn',
  'checksOnCommits',
  'stagingView',
  'stagingViews',
  'landingView',
  'labelsOn',
  'hasComment',
  'findCheckRun',
  'getCommit',
  'conflictCandidates',
  'failingJobs',
  'jobLog',
] satisfies (keyof RepoGitHub)[]);

/**
 * The repository's GitHub for a reconcile under a queue lease: every write first makes sure
 * the lease is still this reconcile's (`LeaseLostError` otherwise), so a holder whose lease
 * lapsed or was taken over stops before its next write instead of racing the new holder.
 * Reads go straight through: acting on them is what the fence guards.
 */
export function fencedGitHub(github: RepoGitHub, fence: LeaseFence): RepoGitHub {
  return new Proxy(github, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property);
      if (typeof value !== 'function' || reads.has(property)) return value;
      const write = value as (...args: unknown[]) => Promise<unknown>;
      return async (...args: unknown[]) => {
        await fence.assertHeld();
        return write.apply(target, args);
      };
    },
  });
}
