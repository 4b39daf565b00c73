import type { QueueMessageContext } from '../../../src/messages/index.js';
import type { CheckRunRender } from '../../../src/messages/index.js';
import type { GateVerdictSummary } from '../../../src/queue/gate-policy.js';
import type { EntryStatus, StagingPlace } from '../../../src/queue/describe-queue.js';
import type { ObservedCheck } from '../../../src/queue/types.js';

export const stagingSha = '5ca1ab1e'.padEnd(40, '0');

export function aContext(overrides: Partial<QueueMessageContext> = {}): QueueMessageContext {
  return {
    baseBranch: 'main',
    queueLabel: 'merge-queue',
    minimumPermission: 'write',
    stagingBranch: 'sluice/staging/main/*',
    configPath: '.github/sluice.yml',
    repoUrl: 'https://github.com/acme/widgets',
    ...overrides,
  };
}

type Waiting = Extract<EntryStatus, { kind: 'waiting' }>;

/** A queued entry nothing holds: first in a queue of one. */
export function aWaiting(overrides: Partial<Omit<Waiting, 'kind'>> = {}): Waiting {
  return {
    kind: 'waiting',
    position: 1,
    queueLength: 1,
    priority: 'normal',
    hold: null,
    waitingFor: null,
    bisecting: null,
    cleared: false,
    ...overrides,
  };
}

/** The only staging in flight, this pull request alone in it. */
export function aPlace(overrides: Partial<StagingPlace> = {}): StagingPlace {
  return {
    stagingSha,
    index: 1,
    of: 1,
    with: [],
    bisecting: null,
    failedWaitingForAhead: false,
    probe: false,
    ...overrides,
  };
}

export function aVerdict(overrides: Partial<GateVerdictSummary> = {}): GateVerdictSummary {
  return {
    check: 'ci / fmt',
    url: 'https://github.com/acme/widgets/runs/11',
    class: 'fmt',
    confidence: 0.95,
    reason: 'rustfmt reported code it would reformat.',
    job: 'fmt',
    step: 'Run cargo fmt --check',
    signature: 'rustfmt/diff-in',
    line: 42,
    context: [
      'Diff in /home/runner/work/widgets/src/lib.rs at line 3:',
      '-fn main(){',
      '+fn main() {',
    ],
    fix: 'cargo fmt',
    annotations: [{ path: 'src/lib.rs', line: 3, message: 'would reformat', tool: 'rustfmt' }],
    ...overrides,
  };
}

export function aCheck(overrides: Partial<ObservedCheck> = {}): ObservedCheck {
  return {
    name: 'ci / test',
    source: 'check-run',
    state: 'completed',
    conclusion: 'success',
    url: null,
    checkRunId: 7,
    ...overrides,
  };
}

/** Zero-width spaces are invisible in a snapshot; spell them out so a reviewer sees them. */
export function readable(text: string): string {
  return text.replace(/\u200b/g, '{zwsp}');
}

/** A check run as one block of text: what GitHub shows, in the order it shows it. */
export function showCheckRun(run: CheckRunRender): string {
  const state = run.status === 'completed' ? `completed/${run.conclusion}` : run.status;
  const buttons = run.actions.map((action) => action.label).join(', ') || 'none';
  const annotations = run.annotations.flat().length;
  const parts = [
    `[${state}] ${run.title}`,
    `buttons: ${buttons}; annotations: ${annotations}`,
    '--- summary',
    run.summary,
    ...(run.text === undefined ? [] : ['--- text', run.text]),
  ];
  return readable(parts.join('\n'));
}
