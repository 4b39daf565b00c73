import type { CommandKind } from '../store/types.js';

/**
 * `/sluice queue`, `/sluice dequeue`, `/sluice retry`: on a line of its own, anywhere in the
 * comment (quoted lines, starting with `>`, are someone else's words and never count).
 */
export function parseCommand(body: string): CommandKind | undefined {
  for (const line of body.split(/\r?\n/)) {
    const match = /^\s*\/sluice\s+(queue|dequeue|retry)\s*$/i.exec(line);
    if (match) return match[1]!.toLowerCase() as CommandKind;
  }
  return undefined;
}
