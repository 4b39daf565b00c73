export type Colour = 'bold' | 'dim' | 'green' | 'red' | 'yellow' | 'cyan';

export type Paint = (colour: Colour, text: string) => string;

const codes: Record<Colour, [number, number]> = {
  bold: [1, 22],
  dim: [2, 22],
  green: [32, 39],
  red: [31, 39],
  yellow: [33, 39],
  cyan: [36, 39],
};

/**
 * Colour only for a person at a terminal: piped output (CI logs, the demo's own test) stays
 * plain, and NO_COLOR (https://no-color.org: present and not empty) turns it off everywhere.
 */
export function createPaint(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): Paint {
  const enabled = stream.isTTY === true && (env.NO_COLOR ?? '') === '';
  if (!enabled) return (_colour, text) => text;
  return (colour, text) => `\u001b[${codes[colour][0]}m${text}\u001b[${codes[colour][1]}m`;
}
