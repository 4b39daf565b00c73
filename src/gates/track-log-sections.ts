import { detectStepFailure, isActionStepTitle } from './detect-step-failure.js';
import { cleanTerminalText } from './clean-terminal-text.js';
import type { NormalizedLine } from './normalize-log-line.js';
import type { SectionKind, StepFailure } from './types.js';

export interface ObservedLine {
  text: string;
  line: number;
  /** Set for `##[warning]` lines: a warning never decides on its own. */
  warning: boolean;
  failure: StepFailure | null;
}

/** Receives the structure the tracker finds in the log. */
export interface SectionSink {
  openSection(kind: SectionKind, title: string, job?: string): void;
  /** A line of the step's script, as the runner echoes it in the step header. */
  addCommand(text: string): void;
  /** A line of tool output inside the current section. */
  observe(line: ObservedLine): void;
}

type HeaderState = 'none' | 'raw-script' | 'raw-block' | 'web-script' | 'web-block';

const webBlockKey = /^ {2}(?:shell|with|env):/;

/**
 * Finds step boundaries in the three shapes a job log arrives in: a raw download
 * (`##[group]Run <cmd>` ... `##[endgroup]`), a copy from the web UI (`Run <cmd>` followed
 * by the script indented two spaces) and `gh run view --log-failed` (step name per line).
 */
export class LogSectionTracker {
  private header: HeaderState = 'none';
  /** Raw markers rule out a web-UI copy, whose `Run ` lines would otherwise be guessed. */
  private sawRawMarker = false;
  private pendingRun: { title: string; line: number } | null = null;
  private ghStep: string | undefined;
  // "Set up job" has no exit code either: the runner reports its failure as an error line.
  private actionStep = true;

  constructor(private readonly sink: SectionSink) {}

  accept(input: NormalizedLine, line: number): void {
    if (this.pendingRun) this.resolvePendingRun(input.text);
    if (input.step !== undefined && input.step !== this.ghStep) {
      this.ghStep = input.step;
      this.open('step', input.step, input.job);
    }
    const text = input.text;
    if (text.startsWith('##[')) {
      this.sawRawMarker = true;
      this.acceptMarker(text, line, input.step !== undefined);
    } else if (this.header === 'raw-script' || this.header === 'raw-block') {
      this.acceptRawHeader(text);
    } else if (this.header === 'none' || !this.acceptWebHeader(text)) {
      this.acceptBody(text, line);
    }
  }

  /** Flushes a trailing `Run ` line that turned out not to start a step. */
  end(): void {
    if (this.pendingRun) this.resolvePendingRun('');
  }

  private open(kind: SectionKind, title: string, job?: string): void {
    this.header = 'none';
    this.actionStep = isActionStepTitle(title);
    this.sink.openSection(kind, title, job);
  }

  private acceptMarker(text: string, line: number, fromGh: boolean): void {
    if (text.startsWith('##[group]Run ')) {
      if (!fromGh) this.open('step', text.slice(9));
      this.header = 'raw-script';
    } else if (text.startsWith('##[endgroup]')) {
      this.header = 'none';
    } else if (text.startsWith('##[error]')) {
      const message = text.slice(9);
      const failure = detectStepFailure(message, this.actionStep);
      this.sink.observe({ text: message, line, warning: false, failure });
    } else if (text.startsWith('##[warning]')) {
      this.sink.observe({ text: text.slice(11), line, warning: true, failure: null });
    }
  }

  private acceptRawHeader(text: string): void {
    if (text.startsWith('shell: ') || text === 'env:' || text === 'with:') {
      this.header = 'raw-block';
    } else if (this.header === 'raw-script') {
      // The runner echoes each script line wrapped in cyan: `ESC[36;1m...ESC[0m`.
      this.sink.addCommand(cleanTerminalText(text));
    }
  }

  /** Returns false when the line ends the header: it is then the step's first output. */
  private acceptWebHeader(text: string): boolean {
    if (webBlockKey.test(text)) {
      this.header = 'web-block';
      return true;
    }
    if (this.header === 'web-script' && text.startsWith('  ')) {
      this.sink.addCommand(text.slice(2));
      return true;
    }
    if (this.header === 'web-block' && text.startsWith('    ')) return true;
    this.header = 'none';
    return false;
  }

  private acceptBody(text: string, line: number): void {
    if (!this.sawRawMarker && text.startsWith('Run ') && text.length > 4) {
      this.pendingRun = { title: text, line };
    } else if (text === 'Post job cleanup.') {
      this.open('post', 'Post job cleanup');
    } else {
      this.observeOutput(text, line);
    }
  }

  private resolvePendingRun(next: string): void {
    const pending = this.pendingRun;
    if (!pending) return;
    this.pendingRun = null;
    if (next.startsWith('  ')) {
      this.open('step', pending.title);
      this.header = 'web-script';
    } else {
      this.observeOutput(pending.title, pending.line);
    }
  }

  private observeOutput(text: string, line: number): void {
    // A web-UI copy shows the runner's `##[error]` lines as `Error: ...`; in a raw log the
    // same prefix is a tool's own output, which says nothing about the step's outcome.
    const failure = text.startsWith('Error: ')
      ? detectStepFailure(text.slice(7), this.actionStep && !this.sawRawMarker)
      : null;
    this.sink.observe({ text, line, warning: false, failure });
  }
}
