import { priorityText, stagingText, stateText } from '../entry-text.js';
import type { HistoryItemView, QueueEntryView, QueueView } from '../queue-view.js';
import { durationText, etaText, relativeText } from '../time-text.js';
import { outcomeLine } from './history-line.js';
import { paint, terminalSafe, type Paint } from './paint.js';
import { alignColumns, type Cell } from './align-columns.js';

const historyLines = 5;
const titleWidth = 40;
const waitingWidth = 44;

/**
 * `sluice status`: the queue as a compact table for a terminal, the pause if any, and the
 * last few things that happened. Outside text (titles, reasons) is stripped of control
 * characters, so a PR title cannot move the cursor or change colours.
 */
export function renderQueueText(view: QueueView, options: { color: boolean; now: Date }): string {
  const p = paint(options.color);
  const { now } = options;
  const ci =
    view.medianStagingMinutes === null
      ? 'no CI history'
      : `CI ~${durationText(view.medianStagingMinutes * 60_000)}`;
  const lines = [
    `${p.bold(`${terminalSafe(view.repo)} ▸ ${terminalSafe(view.base)}`)}  ${p.dim(`${view.entries.length} queued · ${ci}`)}`,
  ];
  if (view.paused) lines.push(pausedLine(view.paused, p, now));
  lines.push('');
  if (view.entries.length === 0) lines.push(p.dim('No pull requests are queued.'));
  else lines.push(...entryTable(view.entries, p, now));
  const recent = view.history.slice(0, historyLines);
  if (recent.length > 0) {
    lines.push('', p.bold('Recent'));
    lines.push(
      ...alignColumns(recent.map((item) => historyRow(item, p, now))).map((l) => `  ${l}`),
    );
  }
  return `${lines.join('\n')}\n`;
}

function pausedLine(paused: NonNullable<QueueView['paused']>, p: Paint, now: Date): string {
  const who =
    paused.by.kind === 'config'
      ? 'by the configuration (queue.freeze)'
      : `by ${terminalSafe(paused.by.login)}`;
  const since = paused.since ? ` ${relativeText(paused.since, now)}` : '';
  return p.yellow(`PAUSED ${who}${since}: ${terminalSafe(paused.reason)}`);
}

function entryTable(entries: QueueEntryView[], p: Paint, now: Date): string[] {
  const header: Cell[] = ['#', 'PR', 'STATE', 'STAGING', 'WAITING ON', 'ETA'].map((h) => ({
    text: h,
    style: p.dim,
  }));
  const rows = entries.map((entry): Cell[] => {
    const priority = priorityText(entry.priority);
    const title = entry.title ? ` ${clip(terminalSafe(entry.title), titleWidth)}` : '';
    return [
      { text: String(entry.position), align: 'right' },
      { text: `#${entry.number}${title}${priority ? ` [${priority.toLowerCase()}]` : ''}` },
      { text: stateText(entry.state), style: stateStyle(entry.state, p) },
      { text: entry.staging ? stagingText(entry.staging) : '-' },
      {
        text: entry.waitingOn
          ? `${clip(terminalSafe(entry.waitingOn.text), waitingWidth)} (${relativeText(entry.waitingOn.since, now)})`
          : '-',
      },
      { text: entry.eta ? etaText(entry.eta, now) : '-' },
    ];
  });
  return alignColumns([header, ...rows]);
}

function historyRow(item: HistoryItemView, p: Paint, now: Date): Cell[] {
  return [
    { text: relativeText(item.at, now), style: p.dim },
    { text: item.number === undefined ? 'queue' : `#${item.number}` },
    ...outcomeLine(item, p),
  ];
}

function stateStyle(state: string, p: Paint): (text: string) => string {
  switch (state) {
    case 'blocked':
      return p.red;
    case 'testing':
      return p.yellow;
    case 'landing':
      return p.green;
    default:
      return (text) => text;
  }
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
