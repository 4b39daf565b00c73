import type { Colour, Paint } from './paint.js';
import type { PullState, TrackedPull } from './read-pull-state.js';

export interface QueueRow {
  pull: TrackedPull;
  state: PullState;
}

/** One line per state, as the live view shows it: `testing on 1a2b3c4 (1 of 2 ...)`. */
export function describeState(state: PullState): string {
  switch (state.kind) {
    case 'open':
      return 'not queued';
    case 'queued': {
      const place = /^Queued: (.+)$/.exec(state.detail)?.[1] ?? lowerFirst(state.detail);
      return place === '' ? 'queued' : `queued (${place})`;
    }
    case 'testing':
      return `testing on ${state.stagingSha.slice(0, 7)} (${state.detail})`;
    case 'merged':
      return `merged as ${state.sha.slice(0, 7)}`;
    case 'dequeued': {
      const reason = state.reason.replace(/^Dequeued: /, '') || 'no reason given';
      const files = state.files.length > 0 ? ` in ${state.files.join(', ')}` : '';
      const labels = state.labels.length > 0 ? ` [${state.labels.join(', ')}]` : '';
      return `dequeued: ${reason}${files}${labels}`;
    }
  }
}

function colourOf(state: PullState): Colour {
  switch (state.kind) {
    case 'open':
    case 'queued':
      return 'dim';
    case 'testing':
      return 'yellow';
    case 'merged':
      return 'green';
    case 'dequeued':
      return 'red';
  }
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/**
 * The queue at one moment: a time line, then a row per pull request in queue order; rows
 * that changed since the previous view are marked with `*`.
 */
export function renderQueue(input: {
  at: Date;
  rows: QueueRow[];
  previous: readonly string[];
  paint: Paint;
}): string[] {
  const { rows, paint } = input;
  const names = rows.map(({ pull }) => `#${pull.number} ${pull.title}`);
  const width = Math.max(...names.map((name) => name.length));
  const lines = rows.map(({ state }, i) => {
    const text = describeState(state);
    const mark = input.previous[i] === text ? ' ' : '*';
    return `  ${mark} ${names[i]!.padEnd(width)}  ${paint(colourOf(state), text)}`;
  });
  return [paint('bold', `${clockTime(input.at)}  queue for main`), ...lines];
}

/** `09:02:30`: the stand-in's virtual clock, which CI runs on. */
export function clockTime(at: Date): string {
  return at.toISOString().slice(11, 19);
}
