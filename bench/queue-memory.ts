/**
 * The app process's resident memory, read from /proc/<pid>/status: idle after start-up, and
 * sampled while a fresh process works through a queue of PRs labeled at once.
 */
import { readFileSync } from 'node:fs';
import type { Scenario } from '../test/e2e/support/scenario.js';
import { labelAndLand, openPulls, startQueueScenario } from './queue-drive.js';
import { tally, type RequestCount } from './queue-requests.js';

export interface MemoryResult {
  prs: number;
  /** VmRSS after start-up, once the app has been idle for a while. */
  idleMiB: number;
  /** RssAnon (heaps, native allocations) and RssFile (mapped code) of the idle sample. */
  idleSplit: { anonMiB: number; fileMiB: number };
  /** Highest VmRSS sampled from the first label until the queue was empty. */
  peakMiB: number;
  peakSplit: { anonMiB: number; fileMiB: number };
  /** VmHWM when the queue was empty: the kernel's peak over the process's whole life. */
  highWaterMiB: number;
  /** VmRSS once the queue was empty. */
  afterMiB: number;
  samples: number;
  /** The app's requests from the first label until idle after the last merge. */
  requests: RequestCount;
}

const sampleEveryMs = 100;
const idleWaitMs = 3000;

/** `/proc/<pid>/status` fields in MiB (the kernel reports kB). */
export function readStatus(pid: number): {
  rssMiB: number;
  hwmMiB: number;
  anonMiB: number;
  fileMiB: number;
} {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name: string): number => {
    const match = new RegExp(`^${name}:\\s+(\\d+) kB$`, 'm').exec(status);
    if (!match) throw new Error(`/proc/${pid}/status has no ${name}`);
    return Number(match[1]) / 1024;
  };
  return {
    rssMiB: field('VmRSS'),
    hwmMiB: field('VmHWM'),
    anonMiB: field('RssAnon'),
    fileMiB: field('RssFile'),
  };
}

function pidOf(s: Scenario): number {
  const pid = s.app.pid;
  if (pid === undefined) throw new Error('the app process is not running');
  return pid;
}

export async function measureMemory(prs: number): Promise<MemoryResult> {
  const s = await startQueueScenario();
  try {
    const pid = pidOf(s);
    await s.settle();
    await new Promise((r) => setTimeout(r, idleWaitMs));
    const idle = readStatus(pid);
    const numbers = await openPulls(s, prs);
    await s.settle();
    const from = s.gh.world.requests.length;
    let peak = idle;
    let samples = 0;
    const sample = () => {
      const now = readStatus(pid);
      if (now.rssMiB > peak.rssMiB) peak = now;
      samples++;
    };
    const timer = setInterval(sample, sampleEveryMs);
    try {
      await labelAndLand(s, numbers, { onStep: sample });
    } finally {
      clearInterval(timer);
    }
    const after = readStatus(pid);
    return {
      prs,
      idleMiB: idle.rssMiB,
      idleSplit: { anonMiB: idle.anonMiB, fileMiB: idle.fileMiB },
      peakMiB: peak.rssMiB,
      peakSplit: { anonMiB: peak.anonMiB, fileMiB: peak.fileMiB },
      highWaterMiB: after.hwmMiB,
      afterMiB: after.rssMiB,
      samples,
      requests: tally(s.gh.world.requests, { from, merged: prs }),
    };
  } finally {
    await s.stop();
  }
}
