import { appendFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Which operations the fake answered (with which statuses) and which webhooks it sent,
 * across all Jest workers. Each process appends JSON lines to its own partial file;
 * test/support/global-teardown.js merges them into fake-github-coverage.json at the end.
 * Appending as it goes needs no flush at exit, which Jest workers do not reliably reach.
 */
export interface CoverageRecorder {
  recordOperation(operationId: string, status: number): void;
  recordWebhook(key: string): void;
  /** The partial file this process appends to. */
  readonly file: string;
}

export type CoverageLine = { operation: string; status: number } | { webhook: string };

/** Keep in step with `coverageDirectory()` in test/support/global-teardown.js (a test checks). */
export function coverageDirectory(env: NodeJS.ProcessEnv = process.env): string {
  return env.FAKE_GITHUB_COVERAGE_DIR ?? join(tmpdir(), 'sluice-fake-github-coverage');
}

export function createCoverageRecorder(directory: string = coverageDirectory()): CoverageRecorder {
  const file = join(directory, `${process.pid}.jsonl`);
  let directoryReady = false;
  const append = (line: CoverageLine) => {
    if (!directoryReady) {
      mkdirSync(directory, { recursive: true });
      directoryReady = true;
    }
    // One small synchronous append per call: O_APPEND keeps concurrent writers' lines whole.
    appendFileSync(file, `${JSON.stringify(line)}\n`);
  };
  return {
    file,
    recordOperation: (operation, status) => append({ operation, status }),
    recordWebhook: (webhook) => append({ webhook }),
  };
}

/** The recorder the fake server uses; tests of the recorder make their own. */
export const fakeGitHubCoverage: CoverageRecorder = createCoverageRecorder();
