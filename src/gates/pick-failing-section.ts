import type { SectionEvidence } from './section-evidence.js';
import type { GateContext, JobStep, SectionKind, StepFailure } from './types.js';

/** One step's part of the log, summarised in bounded memory. */
export interface LogSection {
  kind: SectionKind;
  title: string | null;
  job: string | null;
  /** 0 for the preamble ("Set up job"), then 1, 2, ... in log order. */
  ordinal: number;
  commands: string[];
  failure: StepFailure | null;
  evidence: SectionEvidence;
}

/** The failing step as the caller knows it: by name, and by position among logged steps. */
export interface FailingStepTarget {
  name: string | null;
  ordinal: number | null;
}

const failedConclusions = new Set(['failure', 'cancelled', 'timed_out', 'startup_failure']);

function appearsInLog(step: JobStep): boolean {
  // Skipped steps print nothing; post steps and "Complete job" follow "Post job cleanup".
  return (
    step.conclusion !== 'skipped' && step.name !== 'Complete job' && !step.name.startsWith('Post ')
  );
}

export function findFailingStep(context: GateContext): FailingStepTarget {
  const logged = (context.steps ?? []).filter(appearsInLog);
  const index = logged.findIndex(
    (s) => s.conclusion !== null && failedConclusions.has(s.conclusion),
  );
  const failing = logged[index];
  return {
    name: context.step ?? failing?.name ?? null,
    // "Set up job" is the preamble: ordinal 0, like the section the log starts with.
    ordinal: failing === undefined ? null : logged[0]?.name === 'Set up job' ? index : index + 1,
  };
}

function comparable(name: string): string {
  return name.trim().replace(/\s+/g, ' ').replace(/^run /i, '').toLowerCase();
}

/**
 * Keeps, as sections close, the few candidates for "the failing step": the one the caller
 * named, the one at the failing step's position, the last one the runner marked failed,
 * and the last one. Everything else is dropped, so memory does not grow with the log.
 */
export class FailingSectionPicker {
  private byName: LogSection | undefined;
  private byOrdinal: LogSection | undefined;
  private lastFailed: LogSection | undefined;

  /** `last` starts as the preamble, the candidate of last resort (a log with no steps at all). */
  constructor(
    private readonly target: FailingStepTarget,
    private last: LogSection,
  ) {}

  offer(section: LogSection): void {
    if (section.kind === 'post') return;
    this.last = section;
    if (section.failure) this.lastFailed = section;
    const name = this.target.name;
    if (name !== null && section.title !== null && comparable(section.title) === comparable(name)) {
      if (!this.byName?.failure || section.failure) this.byName = section;
    }
    if (section.ordinal === this.target.ordinal) this.byOrdinal = section;
  }

  /** `named`: the caller identified this step as the failing one. */
  pick(): { section: LogSection; named: boolean } {
    const named = this.byName ?? this.byOrdinal;
    return { section: named ?? this.lastFailed ?? this.last, named: named !== undefined };
  }
}
