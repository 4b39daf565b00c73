import { mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { coverageDirectory, createCoverageRecorder } from './index.js';

interface CoverageReport {
  operations: Record<string, { statuses: Record<string, number> }>;
  webhooks: Record<string, number>;
}
interface TeardownModule {
  coverageDirectory(env: NodeJS.ProcessEnv): string;
  mergeFakeGitHubCoverage(options: {
    directory: string;
    outputFile: string;
    since: number;
    now?: number;
  }): Promise<CoverageReport | undefined>;
}

// Plain JavaScript outside the TypeScript project, so imported by path, not by name.
const teardownPath = fileURLToPath(new URL('../../support/global-teardown.js', import.meta.url));
const loadTeardown = async () => (await import(teardownPath)) as TeardownModule;

let directory: string;
let outputFile: string;
beforeEach(async () => {
  const root = await mkdtemp(join(tmpdir(), 'sluice-coverage-test-'));
  directory = join(root, 'partials');
  outputFile = join(root, 'fake-github-coverage.json');
});
afterEach(async () => {
  await rm(join(directory, '..'), { recursive: true, force: true });
});

describe('recording which parts of GitHub the stand-in exercised', () => {
  it('appends one line per call to a partial file of this process', async () => {
    const recorder = createCoverageRecorder(directory);
    recorder.recordOperation('pulls/get', 200);
    recorder.recordWebhook('pull-request-opened');
    expect(recorder.file).toBe(join(directory, `${process.pid}.jsonl`));
    expect(await readFile(recorder.file, 'utf8')).toBe(
      '{"operation":"pulls/get","status":200}\n{"webhook":"pull-request-opened"}\n',
    );
  });

  it('merges the partials of all workers into one sorted report and clears them', async () => {
    const recorder = createCoverageRecorder(directory);
    recorder.recordOperation('pulls/merge', 405);
    recorder.recordOperation('pulls/get', 200);
    recorder.recordOperation('pulls/merge', 200);
    recorder.recordWebhook('push');
    const anotherWorker = join(directory, '99999.jsonl');
    await writeFile(
      anotherWorker,
      '{"operation":"pulls/get","status":200}\n{"webhook":"push"}\n{"operation":"pulls/me',
    );
    const { mergeFakeGitHubCoverage } = await loadTeardown();
    const report = await mergeFakeGitHubCoverage({ directory, outputFile, since: 0 });
    const expected = {
      operations: {
        'pulls/get': { statuses: { 200: 2 } },
        'pulls/merge': { statuses: { 200: 1, 405: 1 } },
      },
      webhooks: { push: 2 },
    };
    expect(report).toEqual(expected);
    expect(JSON.parse(await readFile(outputFile, 'utf8'))).toEqual(expected);
    expect(Object.keys(report!.operations)).toEqual(['pulls/get', 'pulls/merge']);
    expect(await readdir(directory)).toEqual([]);
  });

  it('leaves partials of earlier runs out, deletes them once stale, and keeps the last report', async () => {
    const now = Date.now();
    const recorder = createCoverageRecorder(directory);
    recorder.recordOperation('pulls/get', 200);
    const lastWeek = (now - 7 * 24 * 3600 * 1000) / 1000;
    await utimes(recorder.file, lastWeek, lastWeek);
    await writeFile(outputFile, '{"operations":{},"webhooks":{"push":1}}\n');
    const { mergeFakeGitHubCoverage } = await loadTeardown();
    expect(await mergeFakeGitHubCoverage({ directory, outputFile, since: now - 1000, now })).toBe(
      undefined,
    );
    expect(await readdir(directory)).toEqual([]);
    expect(await readFile(outputFile, 'utf8')).toBe('{"operations":{},"webhooks":{"push":1}}\n');
  });

  it('finds the partials in the same directory as the teardown', async () => {
    const { coverageDirectory: teardownDirectory } = await loadTeardown();
    for (const env of [{}, { FAKE_GITHUB_COVERAGE_DIR: directory }]) {
      expect(teardownDirectory(env)).toBe(coverageDirectory(env));
    }
    expect(coverageDirectory({})).toBe(join(tmpdir(), 'sluice-fake-github-coverage'));
  });
});
