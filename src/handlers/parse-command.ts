import { suggestClosest } from '../config/suggest-closest.js';
import { priorities, type Priority } from '../queue/types.js';
import type { CommandKind } from '../store/types.js';

/** What a comment asks of Sluice. */
export type ParsedComment =
  | { kind: 'request'; command: CommandKind; priority?: Priority }
  | { kind: 'help' }
  /** A `/sluice …` line that is no command; `suggestion` is the command it most likely meant. */
  | { kind: 'unknown'; written: string; suggestion: string | null };

const requests: readonly CommandKind[] = ['queue', 'dequeue', 'retry'];
const words = [...requests, 'help'];

/**
 * `/sluice queue [--priority high|normal|low]`, `/sluice dequeue`, `/sluice retry`,
 * `/sluice help`: on a line of its own, anywhere in the comment; the first command wins.
 * Quoted lines (starting with `>`) are someone else's words and never count, nor does
 * `/sluice` anywhere but at the start of a line. A `/sluice …` line that is no command is
 * answered only when the comment has no command, and not inside a fenced code block, where
 * text is shown rather than said.
 */
export function parseCommand(body: string): ParsedComment | undefined {
  let unknown: ParsedComment | undefined;
  let fenced = false;
  for (const line of body.split(/\r?\n/)) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const match = /^\s*\/sluice(?:\s+(.*?))?\s*$/i.exec(line);
    if (!match) continue;
    const parsed = parseWords(match[1] ?? '');
    if (parsed.kind !== 'unknown') return parsed;
    if (!fenced) unknown ??= parsed;
  }
  return unknown;
}

function parseWords(text: string): ParsedComment {
  const [first = '', ...rest] = text.split(/\s+/).filter((w) => w !== '');
  const name = first.toLowerCase();
  if (name === 'help' && rest.length === 0) return { kind: 'help' };
  const command = requests.find((r) => r === name);
  if (command && rest.length === 0) return { kind: 'request', command };
  if (command === 'queue') {
    const priority = parsePriority(rest);
    if (priority.ok) return { kind: 'request', command, priority: priority.value };
    return { kind: 'unknown', written: text, suggestion: priority.suggestion };
  }
  if (command) return { kind: 'unknown', written: text, suggestion: `/sluice ${command}` };
  const closest = suggestClosest(name, words);
  return { kind: 'unknown', written: text, suggestion: closest ? `/sluice ${closest}` : null };
}

/** `--priority high` or `--priority=high`, any case. */
function parsePriority(
  rest: readonly string[],
): { ok: true; value: Priority } | { ok: false; suggestion: string | null } {
  const [flag = '', ...values] = rest;
  const [option = '', inline] = flag.toLowerCase().split('=', 2);
  const value = inline === undefined ? values[0] : inline;
  const extra = inline === undefined ? values.slice(1) : values;
  if (option !== '--priority' || value === undefined || extra.length > 0)
    return { ok: false, suggestion: '/sluice queue' };
  const priority = priorities.find((p) => p === value.toLowerCase());
  if (priority) return { ok: true, value: priority };
  const closest = suggestClosest(value, priorities);
  return { ok: false, suggestion: closest ? `/sluice queue --priority ${closest}` : null };
}
