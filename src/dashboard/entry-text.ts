/** The words for an entry's state, priority and place, shared by the page and the terminal. */
import type { Priority } from '../queue/types.js';
import type { HistoryItemView, QueueEntryView } from './queue-view.js';

/** The store's states in words; a state this code does not know is shown as it is. */
export function stateText(state: string): string {
  switch (state) {
    case 'queued':
      return 'Waiting';
    case 'testing':
      return 'Testing';
    case 'landing':
      return 'Landing';
    case 'blocked':
      return 'Blocked';
    default:
      return state;
  }
}

export type Tone = 'neutral' | 'accent' | 'success' | 'attention' | 'danger' | 'done';

export function stateTone(state: string): Tone {
  switch (state) {
    case 'testing':
      return 'attention';
    case 'landing':
      return 'success';
    case 'blocked':
      return 'danger';
    default:
      return 'neutral';
  }
}

/** Null for `normal`: only a priority that changes the order is worth a badge. */
export function priorityText(priority: Priority): string | null {
  switch (priority) {
    case 'high':
      return 'High priority';
    case 'low':
      return 'Low priority';
    case 'normal':
      return null;
  }
}

/** `2 of 3 with #12, #15`, `probe with #9`, `1 of 1`. */
export function stagingText(staging: NonNullable<QueueEntryView['staging']>): string {
  const place = staging.probe ? 'Probe' : `${staging.position} of ${staging.of}`;
  const others = staging.prs.map((n) => `#${n}`).join(', ');
  return others === '' ? place : `${place} with ${others}`;
}

export function outcomeText(kind: HistoryItemView['kind']): string {
  switch (kind) {
    case 'landed':
      return 'Landed';
    case 'dequeued':
      return 'Dequeued';
    case 'paused':
      return 'Paused';
    case 'resumed':
      return 'Resumed';
    case 'priority':
      return 'Priority changed';
    case 'retried':
      return 'Retried';
  }
}

export function outcomeTone(kind: HistoryItemView['kind']): Tone {
  switch (kind) {
    case 'landed':
      return 'done';
    case 'dequeued':
      return 'danger';
    case 'paused':
      return 'attention';
    case 'resumed':
      return 'success';
    case 'priority':
    case 'retried':
      return 'accent';
  }
}
