/**
 * `sluice simulate` end to end through the CLI dispatcher (as the changelog and migrate
 * commands are tested): flags in, a table or JSON out, usage mistakes as one line and exit 2.
 */
import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { runCli } from '../../../src/cli/main.js';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function sluice(args: string[], cwd = process.cwd()): Promise<Run> {
  const stdin = new PassThrough();
  stdin.end('');
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (chunk: Buffer) => out.push(chunk));
  stderr.on('data', (chunk: Buffer) => err.push(chunk));
  const code = await runCli(['simulate', ...args], { stdin, stdout, stderr, cwd, env: {} });
  return { code, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() };
}

interface JsonOutput {
  parameters: Record<string, unknown>;
  results: {
    policy: string;
    description: string;
    result: { merged: number; dequeued: number; mergedPerHour: number; violations: string[] };
  }[];
}

const policies = ['sluice', 'serial', 'bors', 'speculative'];

describe('sluice simulate', () => {
  it('prints JSON with the parameters and every policy', async () => {
    const run = await sluice(['--json', '--prs', '30', '--fail-rate', '0.2', '--seed', '3']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const output = JSON.parse(run.stdout) as JsonOutput;
    expect(output.parameters).toEqual({
      prs: 30,
      failRate: 0.2,
      flakyRate: 0,
      ciMinutes: 10,
      runners: 4,
      arrivalRate: 'saturation',
      seed: 3,
    });
    expect(output.results.map((r) => r.policy)).toEqual(policies);
    for (const { result } of output.results) {
      expect(result.merged + result.dequeued).toBe(30);
      expect(result.mergedPerHour).toBeGreaterThan(0);
      expect(result.violations).toEqual([]);
    }
  });

  it('prints a table with a row per policy for a human', async () => {
    const run = await sluice(['--prs', '20', '--runners', '2']);
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toMatch(/^policy\s+merged\/h\s+CI runs\/merged\s+p50 min\s+p95 min/);
    for (const [i, policy] of policies.entries())
      expect(lines[i + 1]).toMatch(new RegExp(`^${policy}\\s+\\d+\\.\\d\\s.*\\sok$`));
  });

  it('--failing dequeues exactly the PRs named, under every policy, --fail-rate unused', async () => {
    const run = await sluice([
      '--json',
      '--prs',
      '40',
      '--failing',
      '3,17, 22,31',
      '--fail-rate',
      '1',
      '--runners',
      '4',
    ]);
    expect(run.code).toBe(0);
    const output = JSON.parse(run.stdout) as JsonOutput;
    expect(output.parameters).toMatchObject({ prs: 40, failing: [3, 17, 22, 31] });
    expect(output.results.map((r) => r.policy)).toEqual(policies);
    // A good PR dequeued or a broken one landed would be a violation: with none, and these
    // counts, the four named are the four dequeued.
    for (const { policy, result } of output.results)
      expect({ policy, ...result }).toMatchObject({
        policy,
        merged: 36,
        dequeued: 4,
        violations: [],
      });
  });

  it('--failing counts a PR named twice once', async () => {
    const run = await sluice(['--json', '--prs', '10', '--failing', '4,4,9']);
    const output = JSON.parse(run.stdout) as JsonOutput;
    expect(output.parameters).toMatchObject({ failing: [4, 9] });
    for (const { result } of output.results)
      expect(result).toMatchObject({ merged: 8, dequeued: 2 });
  });

  it('says in --help what --failing takes and that --fail-rate is then not used', async () => {
    const run = await sluice(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/--failing N,N,\.\.\./);
    expect(run.stdout).toMatch(/when given, --fail-rate is not used/);
  });

  it.each([
    [
      ['--failing', '3,x'],
      '--failing must be PR numbers separated by commas, e.g. 3,17,22 (got "3,x")',
    ],
    [['--failing', ''], '--failing must be PR numbers separated by commas, e.g. 3,17,22 (got "")'],
    [
      ['--failing', '3,,5'],
      '--failing must be PR numbers separated by commas, e.g. 3,17,22 (got "3,,5")',
    ],
    [
      ['--failing', '2.5'],
      '--failing must be PR numbers separated by commas, e.g. 3,17,22 (got "2.5")',
    ],
    [['--failing=-3'], '--failing must be PR numbers separated by commas, e.g. 3,17,22 (got "-3")'],
    [['--failing', '0'], '--failing: #0 is not one of the PRs 1 to 40 (--prs)'],
    [['--failing', '3,41'], '--failing: #41 is not one of the PRs 1 to 40 (--prs)'],
    [['--failing', '-3'], "Option '--failing' argument is ambiguous."],
    [['--failing'], "Option '--failing <value>' argument missing"],
    [['--fail-rate', 'lots'], '--fail-rate must be a number'],
  ])('rejects %j with a one-line error and exit code 2', async (args, message) => {
    const run = await sluice(['--prs', '40', ...args]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    // The mistake on one line, then where the usage is: not the usage itself.
    const [first, second, ...rest] = run.stderr.split('\n');
    expect(first).toMatch(/^sluice simulate: /);
    expect(first).toContain(message);
    expect(second).toBe("Run 'sluice simulate --help' for usage.");
    expect(rest).toEqual(['']);
  });

  it('simulates the queue settings of a --config file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sluice-simulate-'));
    try {
      writeFileSync(join(dir, 'sluice.yml'), 'queue:\n  batch:\n    maxSize: 2\n  parallel: 1\n');
      const run = await sluice(['--json', '--prs', '10', '--config', 'sluice.yml'], dir);
      expect(run.code).toBe(0);
      const output = JSON.parse(run.stdout) as JsonOutput;
      expect(output.results[0]).toMatchObject({
        policy: 'sluice',
        description: expect.stringContaining('batches up to 2'),
      });
      expect(output.results[0]!.description).toContain('parallel 1');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
