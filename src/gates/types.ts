/** The gate that failed, in the order a human would look for it. */
export const gateClasses = [
  'fmt',
  'lint',
  'build',
  'test',
  'conflict',
  'infra',
  'unknown',
] as const;
export type GateClass = (typeof gateClasses)[number];

/** Every conclusion GitHub reports for a check run or an Actions job/step. */
export const checkConclusions = [
  'success',
  'failure',
  'neutral',
  'cancelled',
  'skipped',
  'timed_out',
  'action_required',
  'stale',
  'startup_failure',
] as const;
export type CheckConclusion = (typeof checkConclusions)[number];

/** The conclusions that say the run never finished on its own merits; infra by default. */
export type AbortConclusion = 'cancelled' | 'timed_out' | 'startup_failure' | 'stale';

/** One step of an Actions job as the REST API lists it. */
export interface JobStep {
  name: string;
  /** `null` while the step is still running. A `continue-on-error` step that failed is `success`. */
  conclusion: CheckConclusion | null;
}

/**
 * A configured override: every pattern given must match (globs with `*`, case-insensitive).
 * Rules are consulted after the conclusion and before any log evidence.
 */
export interface GateRule {
  check?: string;
  job?: string;
  step?: string;
  class: GateClass;
}

/** What is known about the failing check besides its log. Every field is optional. */
export interface GateContext {
  check?: string | null;
  conclusion?: CheckConclusion | null;
  job?: string | null;
  /** The failing step's name when the caller knows it (e.g. `sluice classify --step`). */
  step?: string | null;
  /** The job's steps with conclusions, when the check comes from Actions. */
  steps?: readonly JobStep[];
  rules?: readonly GateRule[];
  /** Overrides the class given to aborted runs (default: infra). */
  conclusionClasses?: Partial<Record<AbortConclusion, GateClass>>;
}

/** A finding at a file and line, for the check run's annotations. */
export interface GateAnnotation {
  path: string;
  line: number;
  column?: number;
  message: string;
  tool: string;
}

/** Which stage of the evidence order decided the verdict. */
export type VerdictBasis =
  'conclusion' | 'rule' | 'signature' | 'command' | 'summary' | 'step-name' | 'none';

export interface GateVerdict {
  class: GateClass;
  /** 0..1: how strongly the evidence supports the class. */
  confidence: number;
  basis: VerdictBasis;
  /** One sentence a maintainer can read: why this class. */
  reason: string;
  check: string | null;
  job: string | null;
  step: string | null;
  tool: string | null;
  /** The matched signature (`tool/name`), rule (`rule/N`) or conclusion (`conclusion/C`). */
  signature: string | null;
  /** 1-based line of the deciding log line in the input. */
  line: number | null;
  context: string[];
  /** The command that fixes the failure locally, when the tool is known. */
  fix?: string;
  annotations: GateAnnotation[];
}

/**
 * How much a signature says. `strong`: decides the class on its own. `weak`: a summary or
 * generic line that only decides when nothing strong (and no command) says otherwise.
 */
export type SignatureStrength = 'strong' | 'weak';

/** A tool output signature as written in the per-tool data files. */
export interface SignatureSpec {
  id: string;
  /**
   * Literal text that every matching line contains. A line without any anchor skips all
   * regular expressions, which is what keeps a 200 MB log fast.
   */
  anchor: string | readonly string[];
  /** Named groups `file`, `line`, `col` and `message` become annotations. */
  pattern: RegExp;
  /** Defaults to the tool's class. */
  class?: GateClass;
  strength?: SignatureStrength;
  /** May still decide after a test runner reported failing tests (runner kills, OOM, ...). */
  afterTests?: boolean;
  /** A suite-level failure (nothing ran): later compile errors belong to the code, not a test. */
  releasesTestLock?: boolean;
}

export interface ToolSpec {
  id: string;
  class: GateClass;
  fix?: string;
  /** Matched against the failing step's command lines and name. */
  commands?: readonly RegExp[];
  signatures: readonly SignatureSpec[];
}

/** A signature ready for matching: flattened, with its tool and position in the search order. */
export interface Signature {
  id: string;
  tool: string;
  class: GateClass;
  strength: SignatureStrength;
  afterTests: boolean;
  releasesTestLock: boolean;
  fix?: string;
  anchors: readonly string[];
  pattern: RegExp;
  order: number;
}

export interface SignatureMatch {
  signature: Signature;
  groups: Readonly<Record<string, string | undefined>>;
  /** The matched line as a terminal shows it (no colour codes). */
  text: string;
}

/** Why the runner considers a step failed, read from its own lines in the log. */
export type StepFailure =
  | { kind: 'exit-code'; code: number }
  | { kind: 'cancelled' }
  | { kind: 'timed-out' }
  | { kind: 'runner-lost' }
  | { kind: 'action-error' };

/** `preamble`: the runner's "Set up job" lines; `post`: post-job cleanup, never the failure. */
export type SectionKind = 'preamble' | 'step' | 'post';
