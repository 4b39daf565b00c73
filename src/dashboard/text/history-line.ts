import { outcomeText } from '../entry-text.js';
import type { HistoryItemView } from '../queue-view.js';
import type { Cell } from './align-columns.js';
import { terminalSafe, type Paint } from './paint.js';

/** The outcome, its gate class and its reason, for one line of `sluice status`'s history. */
export function outcomeLine(item: HistoryItemView, p: Paint): Cell[] {
  const style =
    item.kind === 'landed'
      ? p.green
      : item.kind === 'dequeued'
        ? p.red
        : item.kind === 'paused'
          ? p.yellow
          : undefined;
  const reason = [
    item.gateClass ? `[${terminalSafe(item.gateClass)}]` : '',
    terminalSafe(item.reason ?? ''),
  ]
    .filter((part) => part !== '')
    .join(' ');
  const by = item.by && item.number === undefined ? ` (by ${terminalSafe(item.by)})` : '';
  return [
    { text: outcomeText(item.kind), ...(style ? { style } : {}) },
    { text: `${reason}${by}` },
  ];
}
