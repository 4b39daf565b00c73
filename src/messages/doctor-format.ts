/** How `sluice doctor` writes commits, times and counts. */

export function shortSha(sha: string): string {
  return sha.slice(0, 7);
}

/** Minutes are enough to tell "just now" from "last week". */
export function formatTime(time: Date): string {
  return `${time.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export function plural(count: number, word: string, many = `${word}s`): string {
  return `${count} ${count === 1 ? word : many}`;
}

export function prList(numbers: number[]): string {
  return numbers.map((n) => `#${n}`).join(', ');
}
