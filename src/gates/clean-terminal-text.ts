/** Terminal control codes in tool output: what a reader of the log never sees. */

// CSI sequences (colours, cursor moves), OSC sequences (hyperlinks, titles), lone escapes.
// eslint-disable-next-line no-control-regex
const ansi = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-Z\\-_]/g;
// eslint-disable-next-line no-control-regex
const terminalControls = /[\r\x1b]/;

/** The line as a terminal shows it: colours and cursor codes removed, the last redraw kept. */
export function cleanTerminalText(input: string): string {
  if (!terminalControls.test(input)) return input;
  const carriageReturn = input.lastIndexOf('\r');
  // Progress bars redraw a line with `\r`; a terminal shows only the last redraw.
  const text = carriageReturn === -1 ? input : input.slice(carriageReturn + 1);
  return text.includes('\x1b') ? text.replace(ansi, '') : text;
}

/**
 * Index of the last character of the escape sequence at `start`, or -1 when it is not one;
 * the same sequences `cleanTerminalText` removes.
 */
export function skipTerminalEscape(text: string, start: number): number {
  const kind = text.charCodeAt(start + 1);
  let i = start + 2;
  if (kind === 0x5b) {
    // CSI: parameter bytes, intermediate bytes, one final byte.
    while (text.charCodeAt(i) >= 0x30 && text.charCodeAt(i) <= 0x3f) i++;
    while (text.charCodeAt(i) >= 0x20 && text.charCodeAt(i) <= 0x2f) i++;
    const final = text.charCodeAt(i);
    return final >= 0x40 && final <= 0x7e ? i : -1;
  }
  if (kind === 0x5d) {
    // OSC: up to BEL or ESC \ (both consumed), a lone ESC or the end (not consumed).
    while (i < text.length && text.charCodeAt(i) !== 0x07 && text.charCodeAt(i) !== 0x1b) i++;
    if (text.charCodeAt(i) === 0x07) return i;
    return text.charCodeAt(i + 1) === 0x5c ? i + 1 : i - 1;
  }
  return (kind >= 0x40 && kind <= 0x5a) || (kind >= 0x5c && kind <= 0x5f) ? start + 1 : -1;
}
