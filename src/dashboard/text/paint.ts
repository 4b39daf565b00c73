/** ANSI styles for `sluice status`, or none at all when colour is off. */
export type Style = (text: string) => string;

export interface Paint {
  bold: Style;
  dim: Style;
  red: Style;
  green: Style;
  yellow: Style;
}

const plain = (text: string) => text;
const sgr = (open: number, close: number) => (text: string) =>
  `\u001b[${open}m${text}\u001b[${close}m`;

export function paint(color: boolean): Paint {
  if (!color) return { bold: plain, dim: plain, red: plain, green: plain, yellow: plain };
  return {
    bold: sgr(1, 22),
    dim: sgr(2, 22),
    red: sgr(31, 39),
    green: sgr(32, 39),
    yellow: sgr(33, 39),
  };
}

// C0 and C1 controls (ESC among them) and DEL: outside text must not drive the terminal.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const controls = /[\u0000-\u001f\u007f-\u009f]+/g;

/** Outside text as one inert line. */
export function terminalSafe(text: string): string {
  return text.replace(controls, ' ').replace(/ {2,}/g, ' ').trim();
}
