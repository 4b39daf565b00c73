import { CommandHinter } from './command-hints.js';
import { decideBeforeLog, ruleVerdict } from './decide-before-log.js';
import { judgeSection } from './judge-section.js';
import { LogLineNormalizer } from './normalize-log-line.js';
import {
  FailingSectionPicker,
  findFailingStep,
  type FailingStepTarget,
  type LogSection,
} from './pick-failing-section.js';
import { SectionEvidence } from './section-evidence.js';
import { SignatureMatcher } from './signature-matcher.js';
import { allTools } from './signatures/index.js';
import { LogLineSplitter } from './split-log-lines.js';
import { LogSectionTracker, type ObservedLine, type SectionSink } from './track-log-sections.js';
import type { GateContext, GateVerdict, SectionKind } from './types.js';

/** Feed a log in chunks of any size, then ask for the verdict once. */
export interface GateScanner {
  push(chunk: Uint8Array | string): void;
  finish(): GateVerdict;
}

/** Pushing after `finish()` is a caller bug: the verdict has already been given. */
export class GateScannerFinishedError extends Error {
  override name = 'GateScannerFinishedError';
}

const defaultMatcher = new SignatureMatcher(allTools);
const defaultHinter = new CommandHinter(allTools);
const maxCommands = 20;

class LogGateScanner implements GateScanner, SectionSink {
  private readonly splitter = new LogLineSplitter((text, line) => this.onLine(text, line));
  private readonly normalizer = new LogLineNormalizer();
  private readonly tracker = new LogSectionTracker(this);
  private readonly picker: FailingSectionPicker;
  private readonly target: FailingStepTarget;
  private current: LogSection;
  private ordinal = 0;
  private finished = false;

  constructor(private readonly context: GateContext) {
    this.target = findFailingStep(context);
    this.current = this.newSection('preamble', null, null);
    this.picker = new FailingSectionPicker(this.target, this.current);
  }

  push(chunk: Uint8Array | string): void {
    if (this.finished) throw new GateScannerFinishedError('push() after finish()');
    this.splitter.push(chunk);
  }

  finish(): GateVerdict {
    if (this.finished) throw new GateScannerFinishedError('finish() called twice');
    this.finished = true;
    this.splitter.end();
    this.tracker.end();
    this.picker.offer(this.current);
    return this.verdict();
  }

  openSection(kind: SectionKind, title: string, job?: string): void {
    this.picker.offer(this.current);
    if (kind === 'step') this.ordinal += 1;
    this.current = this.newSection(kind, title, job ?? null);
  }

  addCommand(text: string): void {
    if (this.current.commands.length < maxCommands) this.current.commands.push(text.slice(0, 500));
  }

  observe(line: ObservedLine): void {
    if (line.failure) this.current.failure = line.failure;
    this.current.evidence.observe(line.text, line.line, line.warning);
  }

  private onLine(raw: string, line: number): void {
    this.tracker.accept(this.normalizer.normalize(raw), line);
  }

  private newSection(kind: SectionKind, title: string | null, job: string | null): LogSection {
    const ordinal = kind === 'step' ? this.ordinal : 0;
    const evidence = new SectionEvidence(defaultMatcher);
    return { kind, title, job, ordinal, commands: [], failure: null, evidence };
  }

  private verdict(): GateVerdict {
    const { section, named } = this.picker.pick();
    // The API's step name ("Test") reads better than the log's header ("Run pytest -q").
    const step = this.target.name ?? section?.title ?? null;
    const job = this.context.job ?? section?.job ?? null;
    const byRule = ruleVerdict(this.context, step, job);
    if (byRule) return byRule;
    const failed = section.failure !== null || named;
    const hint = defaultHinter.hint(section.commands, step);
    const { strong, weak } = section.evidence;
    const judged = judgeSection({ strong, weak, hint, failed });
    return {
      ...judged,
      check: this.context.check ?? null,
      job,
      step,
      annotations: section.evidence.annotations(judged.class),
    };
  }
}

/**
 * Classifies a failing check from its context and its job log, streamed in chunks so a
 * log of hundreds of MB is never held whole. The conclusion and configured rules decide
 * first; when they do, the log is not read.
 */
export function createGateScanner(context: GateContext = {}): GateScanner {
  const early = decideBeforeLog(context);
  if (!early) return new LogGateScanner(context);
  let finished = false;
  return {
    push() {
      if (finished) throw new GateScannerFinishedError('push() after finish()');
    },
    finish() {
      if (finished) throw new GateScannerFinishedError('finish() called twice');
      finished = true;
      return early;
    },
  };
}
