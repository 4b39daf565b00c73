import { skipTerminalEscape } from './clean-terminal-text.js';

const escapeSentinel = -0x40000000;

/**
 * Finds which of a fixed set of literal anchors occur in a line, in one pass over its
 * characters (an Aho-Corasick automaton compiled to a dense transition table).
 *
 * Why not one big regular expression: with hundreds of alternatives V8's regex engine
 * tries them one by one at every position, about 1 µs per line; this table walk costs a
 * few nanoseconds per character, which is what lets a 200 MB log classify in seconds.
 */
export class AnchorAutomaton {
  /** Indices of the distinct anchors the last `scan` found, in `hits[0..count)`. */
  readonly hits: Int32Array;
  /** Character code -> column in the table; 0 for characters no anchor contains. */
  private readonly columnOf = new Uint16Array(65536);
  private readonly width: number;
  /**
   * Row offset (state × width) of the next state, so the hot loop never multiplies;
   * stored as -(offset + 1) when an anchor ends in that state.
   */
  private readonly next: Int32Array;
  /** Per state, the anchors that end there, including shorter ones ending as suffixes. */
  private readonly outputs: Array<readonly number[] | undefined>;
  private readonly seen: Uint8Array;

  constructor(anchors: readonly string[]) {
    let columns = 1;
    for (const anchor of anchors) {
      for (let i = 0; i < anchor.length; i++) {
        const code = anchor.charCodeAt(i);
        if (this.columnOf[code] === 0) this.columnOf[code] = columns++;
      }
    }
    // ESC gets a column of its own whose every entry is a sentinel: the hot loop then
    // needs no extra comparison to notice colour codes.
    this.columnOf[0x1b] = columns++;
    this.width = columns;
    this.hits = new Int32Array(anchors.length);
    this.seen = new Uint8Array(anchors.length);
    const { children, ending } = this.buildTrie(anchors);
    const { rows, outputs } = this.link(children, ending);
    this.outputs = outputs;
    this.next = rows.map((state) => (outputs[state] ? -(state * columns) - 1 : state * columns));
    const escape = this.columnOf[0x1b];
    for (let row = 0; row < this.next.length; row += columns)
      this.next[row + escape] = escapeSentinel;
  }

  /**
   * Records the distinct anchors found in `text` into `hits`; returns how many. Terminal
   * escape sequences are skipped as if absent, so a coloured line finds the same anchors
   * as its plain text.
   */
  scan(text: string): number {
    const next = this.next;
    const columnOf = this.columnOf;
    let row = 0;
    let count = 0;
    for (let i = 0, length = text.length; i < length; i++) {
      const target = next[row + columnOf[text.charCodeAt(i)]!]!;
      if (target >= 0) {
        row = target;
        continue;
      }
      if (target === escapeSentinel) {
        const end = skipTerminalEscape(text, i);
        // A whole sequence is invisible; a lone ESC is a character no anchor contains.
        if (end === -1) row = 0;
        else i = end;
        continue;
      }
      row = -target - 1;
      for (const anchor of this.outputs[row / this.width]!) {
        if (this.seen[anchor] === 0) {
          this.seen[anchor] = 1;
          this.hits[count++] = anchor;
        }
      }
    }
    for (let i = 0; i < count; i++) this.seen[this.hits[i]!] = 0;
    return count;
  }

  private buildTrie(anchors: readonly string[]): {
    children: Array<Map<number, number>>;
    ending: number[][];
  } {
    const children = [new Map<number, number>()];
    const ending: number[][] = [[]];
    anchors.forEach((anchor, index) => {
      let state = 0;
      for (let i = 0; i < anchor.length; i++) {
        const column = this.columnOf[anchor.charCodeAt(i)]!;
        let child = children[state]!.get(column);
        if (child === undefined) {
          child = children.length;
          children.push(new Map<number, number>());
          ending.push([]);
          children[state]!.set(column, child);
        }
        state = child;
      }
      ending[state]!.push(index);
    });
    return { children, ending };
  }

  /**
   * Breadth-first, so a state's failure state (always shallower) is complete first: its
   * row is copied, then the state's own children overwrite their columns.
   */
  private link(
    children: ReadonlyArray<Map<number, number>>,
    ending: readonly number[][],
  ): { rows: Int32Array; outputs: Array<readonly number[] | undefined> } {
    const width = this.width;
    const rows = new Int32Array(children.length * width);
    const fail = new Int32Array(children.length);
    const outputs = new Array<readonly number[] | undefined>(children.length);
    const queue = [0];
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head]!;
      const failRow = fail[state]! * width;
      if (state !== 0) rows.copyWithin(state * width, failRow, failRow + width);
      const own = [...ending[state]!, ...(state === 0 ? [] : (outputs[fail[state]!] ?? []))];
      outputs[state] = own.length > 0 ? own : undefined;
      for (const [column, child] of children[state]!) {
        fail[child] = state === 0 ? 0 : rows[failRow + column]!;
        rows[state * width + column] = child;
        queue.push(child);
      }
    }
    return { rows, outputs };
  }
}
