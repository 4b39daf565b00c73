/** Times and durations as the dashboard and `sluice status` say them: UTC, short, no locale. */
const minute = 60_000;

/** `3 min`, `2 h 5 min`, `3 d 4 h`: two units at most. */
export function durationText(ms: number): string {
  const minutes = Math.round(Math.abs(ms) / minute);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
  const days = Math.floor(hours / 24);
  return hours % 24 === 0 ? `${days} d` : `${days} d ${hours % 24} h`;
}

/** `just now`, `5 min ago`, `in 2 h`. */
export function relativeText(at: Date, now: Date): string {
  const ms = at.getTime() - now.getTime();
  if (Math.abs(ms) < minute) return 'just now';
  const span = durationText(ms).replace(/ \d+ (min|h)$/, '');
  return ms < 0 ? `${span} ago` : `in ${span}`;
}

/** `2026-03-01 14:05 UTC`. */
export function utcText(at: Date): string {
  return `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** `14:05 UTC` today, the date too on another day. */
export function clockText(at: Date, now: Date): string {
  const sameDay = at.toISOString().slice(0, 10) === now.toISOString().slice(0, 10);
  return sameDay ? `${at.toISOString().slice(11, 16)} UTC` : utcText(at);
}

/** An estimate to land: `in ~25 min`, or `any moment` once due. */
export function etaText(eta: Date, now: Date): string {
  if (eta.getTime() - now.getTime() < minute) return 'any moment';
  return `in ~${durationText(eta.getTime() - now.getTime()).replace(/ \d+ (min|h)$/, '')}`;
}
