/**
 * The speculative chain: live stagings in line, each built on the tip of the one ahead of it
 * (or on the base). A staging that failed and waits for judgement is skipped by those behind
 * it, which are built on the tip before it. Probes stand beside the chain, on the base tip,
 * and are no part of it.
 */
import type { Staging } from './types.js';

/** Live stagings behind `staging` whose tip contains it (built on it, directly or not). */
export function stagingsBuiltOn(live: readonly Staging[], staging: Staging): Staging[] {
  const contains = new Set([staging.sha]);
  const behind: Staging[] = [];
  for (const candidate of inLine(live).slice(inLine(live).indexOf(staging) + 1)) {
    if (!contains.has(candidate.baseSha)) continue;
    contains.add(candidate.sha);
    behind.push(candidate);
  }
  return behind;
}

/**
 * Checks the chain against the base tip. Returns the first staging that is not built where it
 * should be (the base moved under it, or the staging it was built on is gone), or undefined.
 */
export function firstBrokenLink(live: readonly Staging[], baseSha: string): Staging | undefined {
  let tip = baseSha;
  for (const staging of inLine(live)) {
    if (staging.baseSha !== tip) return staging;
    if (staging.state !== 'failed') tip = staging.sha;
  }
  return undefined;
}

/** The commit a new staging goes on: the tip of the last live staging that did not fail, or the base. */
export function chainTip(live: readonly Staging[], baseSha: string): string {
  return lastStanding(live)?.sha ?? baseSha;
}

/** The last staging of the chain that did not fail: the next one is built on it. */
export function lastStanding(live: readonly Staging[]): Staging | undefined {
  return inLine(live)
    .filter((s) => s.state !== 'failed')
    .at(-1);
}

/** The chain: live stagings less the probes beside it. */
export function inLine(live: readonly Staging[]): Staging[] {
  return live.filter((s) => !s.probe);
}

/** The stagings ahead of this one whose content its tip contains. */
export function stagingsUnder(live: readonly Staging[], staging: Staging): Staging[] {
  const under: Staging[] = [];
  let base = staging.baseSha;
  const line = inLine(live);
  for (const candidate of line.slice(0, Math.max(0, line.indexOf(staging))).reverse()) {
    if (candidate.sha !== base) continue;
    under.unshift(candidate);
    base = candidate.baseSha;
  }
  return under;
}
