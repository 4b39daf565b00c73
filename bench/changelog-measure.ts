/**
 * Wall time and peak memory of one command. Peak memory is GNU time's maximum resident
 * set size, which for a command that spawns others (conventional-changelog and Sluice run
 * git) is the largest single process of the tree, as `getrusage(RUSAGE_CHILDREN)` reports.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Sample {
  wallSeconds: number;
  /** User + system CPU time of the command and the processes it waited for. */
  cpuSeconds: number;
  peakMiB: number;
}

export interface Command {
  name: string;
  argv: string[];
  cwd: string;
}

const TIME = '/usr/bin/time';

export function measure(command: Command): Sample {
  const dir = mkdtempSync(join(tmpdir(), 'sluice-bench-'));
  const report = join(dir, 'time');
  try {
    const start = process.hrtime.bigint();
    const result = spawnSync(TIME, ['-o', report, '-f', '%M %U %S', ...command.argv], {
      cwd: command.cwd,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, GITHUB_TOKEN: '', GH_TOKEN: '' },
    });
    const wallSeconds = Number(process.hrtime.bigint() - start) / 1e9;
    if (result.status !== 0) {
      throw new Error(
        `${command.name} exited ${result.status}: ${result.stderr.toString().slice(0, 500)}`,
      );
    }
    const [kib = 0, user = 0, system = 0] = readFileSync(report, 'utf8')
      .trim()
      .split(/\s+/)
      .map(Number);
    return { wallSeconds, cpuSeconds: user + system, peakMiB: kib / 1024 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}
