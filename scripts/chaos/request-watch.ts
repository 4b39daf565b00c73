import type { FakeGitHub } from '../../test/fake-github/fake-github.js';
import type { RequestLogEntry } from '../../test/fake-github/world/logs.js';

export type RequestListener = (entry: RequestLogEntry) => void;

/**
 * A write of the app's to GitHub: anything it sends as the installation that is not a read.
 * Token creation is left out: it changes nothing a user sees, and when it happens depends on
 * the token cache, so counting it would shift every later position between runs.
 */
export function isAppWrite(entry: RequestLogEntry): boolean {
  if (!entry.caller.startsWith('installation:')) return false;
  if (entry.method === 'GET' || entry.method === 'HEAD') return false;
  const op = entry.operationId ?? '';
  return op.startsWith('graphql-mutation/') || !op.startsWith('graphql');
}

/** The short name of a write in reports: `PATCH git/update-ref 200`. */
export function describeWrite(entry: RequestLogEntry): string {
  return `${entry.method} ${entry.operationId ?? entry.path} ${entry.status}`;
}

/**
 * Calls `listener` for every request the stand-in logs, the moment it is logged: after the
 * handler ran (the write and its webhooks are done) and just before the answer is sent. The
 * stand-in has no hook there, so the log's `push` is wrapped; its contents are unchanged.
 */
export function watchRequests(gh: FakeGitHub): { listen(listener: RequestListener): void } {
  const listeners: RequestListener[] = [];
  const log = gh.world.requests;
  const push = log.push.bind(log);
  log.push = (...entries: RequestLogEntry[]): number => {
    const length = push(...entries);
    for (const entry of entries) for (const listener of [...listeners]) listener(entry);
    return length;
  };
  return { listen: (listener) => void listeners.push(listener) };
}
