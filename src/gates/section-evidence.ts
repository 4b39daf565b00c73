import {
  extractAnnotation,
  readFileHeader,
  readLocationLine,
  workspaceRelativePath,
} from './extract-annotation.js';
import { cleanTerminalText } from './clean-terminal-text.js';
import type { SignatureMatcher } from './signature-matcher.js';
import type { GateAnnotation, GateClass, SignatureMatch } from './types.js';

export interface Evidence {
  match: SignatureMatch;
  line: number;
  context: string[];
}

const contextAfter = 2;
const maxContextChars = 240;
const maxAnnotations = 100;
// rustc, clippy and ruff put the message first and the location on a ` --> ` line after it.
const diagnosticHeader =
  /^(?:error(?:\[[\w-]+\])?: |[A-Z]{1,4}\d{2,4} (?:\[\*\] )?)(?<message>.+)$/;

/**
 * What one section of the log says, accumulated line by line in bounded memory.
 *
 * The last strong signature decides, with two exceptions. Once a test runner reports a
 * failing test, everything it prints afterwards (assertion messages, captured logs) can
 * only be overruled by runner-level events such as an OOM kill: quoted text never decides.
 * And once a runner says a suite could not even run, the compile error it shows is the
 * cause, not overruled by the test summary that follows.
 */
export class SectionEvidence {
  strong: Evidence | null = null;
  weak: Evidence | null = null;
  private testLocked = false;
  private suiteFailed = false;
  /** The two lines before the current one, for context. */
  private before1: string | null = null;
  private before2: string | null = null;
  private readonly capturing: Array<{ context: string[]; remaining: number }> = [];
  private readonly found: Array<{ class: GateClass | null; annotation: GateAnnotation }> = [];
  private currentFile: string | null = null;

  constructor(private readonly matcher: SignatureMatcher) {}

  /** `raw` may hold colour codes: only lines that matter are cleaned, to keep this cheap. */
  observe(raw: string, line: number, warning: boolean): void {
    if (this.capturing.length > 0) this.extendCaptures(shorten(cleanTerminalText(raw)));
    const match = this.matcher.match(raw);
    if (match) {
      this.consider(match, line, warning, shorten(match.text));
    } else if (raw.length === 0) {
      this.currentFile = null;
    } else if (this.matcher.lastAnchorCount > 0 || !raw.includes(' ')) {
      const text = cleanTerminalText(raw);
      this.currentFile = readFileHeader(text) ?? this.currentFile;
      // ` --> ` is itself an anchor: a line without anchors has no location to read.
      if (this.matcher.lastAnchorCount > 0) this.readLocation(text);
    }
    this.before2 = this.before1;
    this.before1 = raw;
  }

  /** Annotations of the verdict's class; located compiler/linter messages count for both. */
  annotations(verdictClass: GateClass): GateAnnotation[] {
    const located = verdictClass === 'build' || verdictClass === 'lint';
    return this.found
      .filter((f) => f.class === verdictClass || (located && f.class === null))
      .map((f) => f.annotation);
  }

  private consider(match: SignatureMatch, line: number, warning: boolean, shown: string): void {
    const signature = match.signature;
    if (this.testLocked && signature.class !== 'test' && !signature.afterTests) return;
    const strong = signature.strength === 'strong' && !warning;
    if (!strong) {
      this.weak = this.capture(match, line, shown);
    } else if (!(
      signature.class === 'test' &&
      this.suiteFailed &&
      this.strongClass() === 'build'
    )) {
      this.strong = this.capture(match, line, shown);
    }
    const annotation = extractAnnotation(match, this.currentFile);
    if (annotation) this.addAnnotation(signature.class, annotation);
    if (signature.releasesTestLock) {
      this.testLocked = false;
      this.suiteFailed = true;
    } else if (signature.class === 'test' && strong) {
      this.testLocked = true;
    }
  }

  private strongClass(): GateClass | undefined {
    return this.strong?.match.signature.class;
  }

  private capture(match: SignatureMatch, line: number, shown: string): Evidence {
    const evidence = { match, line, context: [...this.recent(), shown] };
    this.capturing.push({ context: evidence.context, remaining: contextAfter });
    if (this.capturing.length > 2) this.capturing.shift();
    return evidence;
  }

  private extendCaptures(shown: string): void {
    for (const capture of this.capturing) {
      capture.context.push(shown);
      capture.remaining -= 1;
    }
    while (this.capturing[0]?.remaining === 0) this.capturing.shift();
  }

  private readLocation(text: string): void {
    if (this.testLocked) return;
    const location = readLocationLine(text);
    if (!location) return;
    const header = this.recent()
      .map((l) => diagnosticHeader.exec(l))
      .findLast(Boolean);
    const message = header?.groups?.message;
    if (message === undefined) return;
    this.addAnnotation(null, {
      path: workspaceRelativePath(location.file),
      line: location.line,
      column: location.col,
      message,
      tool: header?.[0].startsWith('error') ? 'rust' : 'ruff',
    });
  }

  private recent(): string[] {
    return [this.before2, this.before1]
      .filter((raw) => raw !== null)
      .map((raw) => shorten(cleanTerminalText(raw)));
  }

  private addAnnotation(cls: GateClass | null, annotation: GateAnnotation): void {
    if (this.found.length < maxAnnotations) this.found.push({ class: cls, annotation });
  }
}

function shorten(text: string): string {
  return text.length > maxContextChars ? text.slice(0, maxContextChars) : text;
}
