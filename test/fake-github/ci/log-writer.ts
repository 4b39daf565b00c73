/**
 * Writes lines the way the Actions runner timestamps them in downloaded logs: UTC with seven
 * fractional digits (`2026-01-05T09:00:01.1234567Z `). Time only moves forward, by small
 * deterministic steps, so two runs of a test produce the same log.
 */
export class LogWriter {
  readonly #lines: string[] = [];
  #ms: number;
  /** Hundreds of nanoseconds past #ms (0..9999): epoch ticks would overflow a double. */
  #sub = 0;

  constructor(start: Date) {
    this.#ms = start.getTime();
  }

  /** Moves the cursor to `date` unless it is already later. */
  at(date: Date): this {
    if (date.getTime() > this.#ms) {
      this.#ms = date.getTime();
      this.#sub = 0;
    }
    return this;
  }

  line(text: string): this {
    this.#lines.push(`${this.#stamp()} ${text}`);
    const delta = ((this.#lines.length * 7919) % 117_000) + 3_000;
    this.#ms += Math.floor((this.#sub + delta) / 10_000);
    this.#sub = (this.#sub + delta) % 10_000;
    return this;
  }

  lines(text: string): this {
    for (const line of text.replace(/\r?\n$/, '').split(/\r?\n/)) this.line(line);
    return this;
  }

  /** Downloaded job logs start with a byte-order mark. */
  text(): string {
    return `\uFEFF${this.#lines.join('\n')}\n`;
  }

  #stamp(): string {
    const whole = new Date(this.#ms).toISOString().slice(0, 19);
    const fraction = `${String(this.#ms % 1000).padStart(3, '0')}${String(this.#sub).padStart(4, '0')}`;
    return `${whole}.${fraction}Z`;
  }
}
