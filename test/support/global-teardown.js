import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import process from 'node:process';

/**
 * Merges the local GitHub's coverage partials (one JSON-lines file per process, written by
 * test/fake-github/spec/coverage-recorder.ts) into fake-github-coverage.json at the repo
 * root. Plain JavaScript: Jest loads this file without the TypeScript transform.
 */
export default async function globalTeardown(globalConfig) {
  const runStartedAt = Date.now() - process.uptime() * 1000;
  await mergeFakeGitHubCoverage({
    directory: coverageDirectory(),
    outputFile: join(globalConfig.rootDir, 'fake-github-coverage.json'),
    since: runStartedAt,
  });
}

/** Same rule as `coverageDirectory()` in coverage-recorder.ts. */
export function coverageDirectory(env = process.env) {
  return env.FAKE_GITHUB_COVERAGE_DIR ?? join(tmpdir(), 'sluice-fake-github-coverage');
}

const STALE_AFTER_MS = 24 * 60 * 60 * 1000;

/**
 * Partials written since `since` (this run) are merged and deleted; older ones are left by
 * runs that crashed before teardown, and are deleted unmerged once a day old. Leaves the
 * output file alone, and returns undefined, when this run recorded nothing (a subset run
 * that never started the fake should not wipe the last full report).
 */
export async function mergeFakeGitHubCoverage({ directory, outputFile, since, now = Date.now() }) {
  const report = { operations: {}, webhooks: {} };
  let merged = 0;
  for (const name of await listPartials(directory)) {
    const file = join(directory, name);
    const { mtimeMs } = await stat(file);
    if (mtimeMs >= since) {
      addLines(report, await readFile(file, 'utf8'));
      merged += 1;
      await rm(file, { force: true });
    } else if (now - mtimeMs > STALE_AFTER_MS) {
      await rm(file, { force: true });
    }
  }
  if (merged === 0) return undefined;
  const sorted = sortReport(report);
  await mkdir(dirname(outputFile), { recursive: true });
  await writeFile(outputFile, `${JSON.stringify(sorted, null, 2)}\n`);
  return sorted;
}

async function listPartials(directory) {
  try {
    return (await readdir(directory)).filter((name) => name.endsWith('.jsonl'));
  } catch (error) {
    if (error?.code === 'ENOENT') return [];
    throw error;
  }
}

function addLines(report, text) {
  for (const line of text.split('\n')) {
    // A process killed mid-write can leave a torn last line; the rest is still good.
    const entry = parseLine(line);
    if (entry === undefined) continue;
    if (typeof entry.webhook === 'string') {
      report.webhooks[entry.webhook] = (report.webhooks[entry.webhook] ?? 0) + 1;
    } else if (typeof entry.operation === 'string' && Number.isInteger(entry.status)) {
      const statuses = (report.operations[entry.operation] ??= { statuses: {} }).statuses;
      statuses[entry.status] = (statuses[entry.status] ?? 0) + 1;
    }
  }
}

function parseLine(line) {
  if (line.trim() === '') return undefined;
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}

/** Sorted keys keep the committed-looking JSON stable between runs (statuses sort themselves). */
function sortReport(report) {
  const byKey = (object) =>
    Object.fromEntries(Object.entries(object).sort(([a], [b]) => (a < b ? -1 : 1)));
  return { operations: byKey(report.operations), webhooks: byKey(report.webhooks) };
}
