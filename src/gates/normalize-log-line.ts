/** A log line without what the runner adds: no timestamp, no `gh` prefix. */
export interface NormalizedLine {
  text: string;
  /** From `gh run view --log-failed`: `<job>\t<step>\t<timestamp> <line>`. */
  job: string | undefined;
  step: string | undefined;
}

// The runner stamps every line with a 7-digit-fraction UTC time and one space.
const timestamp = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z ?/;
// `gh run view --log-failed` prefixes every line with the job and step, then the timestamp.
const ghFirstLine = /^[^\t]+\t[^\t]+\t\uFEFF?(?:\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d|##\[)/;

/**
 * Strips what the runner adds; remembers the log's format across lines. Colours stay:
 * most lines are never looked at closely, and `cleanTerminalText` is only paid for those
 * that are.
 */
export class LogLineNormalizer {
  private format: 'undecided' | 'gh' | 'plain' = 'undecided';
  // Reused for every line: a log has millions of them and callers do not keep it.
  private readonly line: NormalizedLine = { text: '', job: undefined, step: undefined };

  normalize(raw: string): NormalizedLine {
    let text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
    if (this.format === 'undecided' && text.length > 0) {
      this.format = ghFirstLine.test(text) ? 'gh' : 'plain';
    }
    let job: string | undefined;
    let step: string | undefined;
    if (this.format === 'gh') {
      const first = text.indexOf('\t');
      const second = first === -1 ? -1 : text.indexOf('\t', first + 1);
      if (second !== -1) {
        job = text.slice(0, first);
        step = text.slice(first + 1, second);
        text = text.slice(second + 1);
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      }
    }
    this.line.text = stripTimestamp(text);
    this.line.job = job;
    this.line.step = step;
    return this.line;
  }
}

function stripTimestamp(text: string): string {
  // Cheap character checks first: this runs on every line of logs hundreds of MB long.
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(10) !== 84) return text;
  return text.charCodeAt(27) === 90 && text.charCodeAt(28) === 32
    ? text.slice(29)
    : text.replace(timestamp, '');
}
