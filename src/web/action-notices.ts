/** What an action says it did, as the `done` of the queue page it redirects to. */
export type ActionDone = 'paused' | 'resumed' | 'not-paused' | 'dequeue' | 'retry';

const notices: Record<ActionDone, (pr: string | null) => string> = {
  paused: () => 'Queue paused. Every queued pull request now says so and why.',
  resumed: () => 'Queue resumed.',
  'not-paused': () => 'The queue was not paused by an operator: nothing to resume.',
  dequeue: (pr) => `Asked Sluice to dequeue ${named(pr)}. Its check run says when it is done.`,
  retry: (pr) => `Asked Sluice to retry ${named(pr)}.`,
};

function named(pr: string | null): string {
  return pr === null ? 'the pull request' : `#${pr}`;
}

/** Only the list's own keys: `?done=constructor` names no message, whatever objects inherit. */
function isActionDone(value: string): value is ActionDone {
  return Object.hasOwn(notices, value);
}

/** The message after an action: from a fixed list, never text taken from the URL. */
export function noticeFrom(url: URL): string | undefined {
  const done = url.searchParams.get('done');
  if (!done || !isActionDone(done)) return undefined;
  const pr = url.searchParams.get('pr');
  return notices[done](pr && /^[0-9]{1,9}$/.test(pr) ? pr : null);
}
