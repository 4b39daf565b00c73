/**
 * `--dump DIR`: what a throughput run leaves for investigation — the app's log, the stand-in's
 * request log and every CI job — written even when the run fails.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkRunWritesIn } from '../test/e2e/support/check-run-writes.js';
import type { Scenario } from '../test/e2e/support/scenario.js';
import { ciOf } from '../test/fake-github/ci/ci-of.js';

const iso = (date: Date | null) => date?.toISOString() ?? '';

export function dumpRun(s: Scenario, dir: string, fromVirtual: number): void {
  mkdirSync(dir, { recursive: true });
  const minutes = (date: Date | null) =>
    date === null ? '' : ((date.getTime() - fromVirtual) / 60_000).toFixed(2);
  writeFileSync(join(dir, 'app.log'), `${s.app.log.join('\n')}\n`);
  const requests = s.gh.world.requests.map((r) =>
    [r.seq, minutes(r.at), r.method, r.operationId ?? '', r.status, r.path].join('\t'),
  );
  writeFileSync(
    join(dir, 'requests.tsv'),
    `${['seq', 'virtual min', 'method', 'operation', 'status', 'path'].join('\t')}\n${requests.join('\n')}\n`,
  );
  // What each write of a check run said: why a PR's run was rewritten, read in order.
  const checkRunWrites = checkRunWritesIn(s.gh.world.requests).map((w) =>
    [w.seq, minutes(w.at), w.runId ?? 'new', w.status, w.title].join('\t'),
  );
  writeFileSync(
    join(dir, 'check-runs.tsv'),
    `${['seq', 'virtual min', 'run', 'status', 'title'].join('\t')}\n${checkRunWrites.join('\n')}\n`,
  );
  const jobs = ciOf(s.gh)
    .jobs(s.repo.state)
    .map((job) =>
      [
        job.id,
        job.run.id,
        job.attempt,
        job.run.trigger.branch,
        job.run.trigger.sha.slice(0, 10),
        job.status,
        job.conclusion ?? '',
        minutes(job.createdAt),
        minutes(job.startedAt),
        minutes(job.completedAt),
        iso(job.createdAt),
      ].join('\t'),
    );
  const header = ['job', 'run', 'attempt', 'branch', 'sha', 'status', 'conclusion'];
  writeFileSync(
    join(dir, 'ci-jobs.tsv'),
    `${[...header, 'created min', 'started min', 'completed min', 'created'].join('\t')}\n${jobs.join('\n')}\n`,
  );
}
