import fc from 'fast-check';
import type { QueueMessageContext } from '../../../src/messages/index.js';
import type { EntryStatus } from '../../../src/queue/describe-queue.js';
import type { DequeueReason, Refusal } from '../../../src/queue/effects.js';
import { count, hostileText, sha, verdicts } from './hostile-arbitraries.js';

export const dequeueReason: fc.Arbitrary<DequeueReason> = fc.oneof(
  fc.constant({ kind: 'unlabeled' as const }),
  fc.constant({ kind: 'closed' as const }),
  fc.record({ kind: fc.constant('command' as const), by: hostileText }),
  fc.record({ kind: fc.constant('head-moved' as const), from: sha, to: sha }),
  fc.record({
    kind: fc.constant('conflict' as const),
    files: fc.array(hostileText, { maxLength: 40 }),
  }),
  fc.record({ kind: fc.constant('empty' as const), carriedBy: fc.option(sha) }),
  fc.record({ kind: fc.constant('checks-failed' as const), verdicts }),
  fc.record({
    kind: fc.constant('check-missing' as const),
    check: hostileText,
    waitedMinutes: count,
  }),
  fc.record({ kind: fc.constant('no-checks' as const), waitedMinutes: count }),
  fc.record({ kind: fc.constant('land-failed' as const), reason: hostileText }),
  fc.record({ kind: fc.constant('blocked' as const), failures: count, verdicts }),
);

const permission = fc.constantFrom(
  'admin' as const,
  'maintain' as const,
  'write' as const,
  'triage' as const,
  'read' as const,
  'none' as const,
);

export const refusal: fc.Arbitrary<Refusal> = fc.oneof(
  fc.record({
    kind: fc.constant('permission' as const),
    by: fc.oneof(hostileText, fc.constantFrom('mallory', 'renovate[bot]')),
    has: permission,
    needs: permission,
  }),
  fc.constant({ kind: 'draft' as const }),
  fc.constant({ kind: 'closed' as const }),
  fc.record({ kind: fc.constant('blocked' as const), failures: count }),
  fc.record({ kind: fc.constant('title-grammar' as const), title: hostileText }),
  fc.constant({ kind: 'config-broken' as const }),
);

const names = fc.array(hostileText, { maxLength: 30 });

export const entryStatus: fc.Arbitrary<EntryStatus> = fc.oneof(
  fc.record({
    kind: fc.constant('waiting' as const),
    position: count,
    queueLength: count,
    priority: fc.constantFrom('high' as const, 'normal' as const, 'low' as const),
    hold: fc.option(
      fc.oneof(
        fc.record({ kind: fc.constant('approvals' as const), have: count, need: count }),
        fc.constant({ kind: 'changes-requested' as const }),
        fc.constant({ kind: 'draft' as const }),
      ),
    ),
    waitingFor: fc.option(
      fc.record({
        prs: fc.array(count, { maxLength: 30 }),
        files: fc.array(hostileText, { maxLength: 40 }),
        empty: fc.boolean(),
      }),
    ),
    bisecting: fc.option(fc.record({ batchSize: count })),
    cleared: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('testing' as const),
    position: count,
    queueLength: count,
    priority: fc.constantFrom('high' as const, 'normal' as const, 'low' as const),
    stagingSha: sha,
    required: names,
    place: fc.record({
      stagingSha: sha,
      index: count,
      of: count,
      with: fc.array(count, { maxLength: 30 }),
      bisecting: fc.option(fc.record({ batchSize: count })),
      failedWaitingForAhead: fc.boolean(),
      probe: fc.boolean(),
    }),
    checks: fc.oneof(
      fc.record({ kind: fc.constant('pending' as const), waitingOn: names, missing: names }),
      fc.record({
        kind: fc.constant('failed' as const),
        failing: fc.array(observedCheck(), { maxLength: 30 }),
      }),
      fc.record({
        kind: fc.constant('passed' as const),
        checks: fc.array(observedCheck(), { maxLength: 30 }),
      }),
    ),
  }),
  fc.constant({ kind: 'config-broken' as const }),
);

function observedCheck() {
  return fc.record({
    name: hostileText,
    source: fc.constant('check-run' as const),
    state: fc.constant('completed' as const),
    conclusion: fc.constantFrom('failure' as const, 'success' as const, null),
    url: fc.option(fc.webUrl()),
  });
}

export const messageContext: fc.Arbitrary<QueueMessageContext> = fc.record({
  baseBranch: hostileText,
  queueLabel: hostileText,
  minimumPermission: permission,
  stagingBranch: hostileText,
  configPath: hostileText,
  repoUrl: fc.option(fc.webUrl(), { nil: undefined }),
  checkUrls: fc.option(fc.dictionary(hostileText, fc.webUrl()), { nil: undefined }),
  stagingCheckUrls: fc.option(fc.dictionary(sha, fc.dictionary(hostileText, fc.webUrl())), {
    nil: undefined,
  }),
  configErrors: fc.option(
    fc.array(
      // Config messages are Sluice's own sentences (tested with the config); here only their size.
      fc.record({
        path: fc.constant('.github/sluice.yml'),
        line: count,
        column: count,
        keyPath: fc.constant('queue.label'),
        kind: fc.constant('too-small' as const),
        message: fc.stringMatching(/^[a-z .]{0,1500}$/),
        fix: fc.stringMatching(/^[a-z .]{0,1500}$/),
      }),
      { maxLength: 60 },
    ),
    { nil: undefined },
  ),
});
