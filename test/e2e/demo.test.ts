import { afterEach, describe, expect, it } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');

interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runDemo(): { child: ChildProcess; finished: Promise<Finished> } {
  const child = spawn('npx', ['tsx', 'scripts/demo.ts'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group: npx does not pass SIGTERM on, so a timeout signals the group.
    detached: true,
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const finished = new Promise<Finished>((done) =>
    child.once('close', (code) => done({ code, stdout, stderr })),
  );
  return { child, finished };
}

/** The rows of the last queue view: `#n title  state`, as a person reads them. */
function lastView(stdout: string): string[] {
  const views = stdout.split(/^\d\d:\d\d:\d\d {2}queue for main$/m);
  const last = views.at(-1) ?? '';
  return last
    .split('\n\n')[0]!
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => line.slice(4).replace(/ {2,}/g, '  '));
}

function baseLog(stdout: string): string[] {
  const [, after = ''] = stdout.split('main after the queue (git log --oneline):\n');
  return after
    .split('\n\n')[0]!
    .split('\n')
    .map((line) => line.trim().replace(/^[0-9a-f]{7} /, ''));
}

describe('npm run demo', () => {
  let demo: ReturnType<typeof runDemo> | undefined;
  afterEach(async () => {
    const pid = demo?.child.pid;
    if (demo && pid !== undefined && demo.child.exitCode === null) {
      process.kill(-pid, 'SIGTERM');
      await demo.finished;
    }
  });

  it('queues five pull requests against the real app and exits 0 when the outcome is right', async () => {
    demo = runDemo();
    const { code, stdout, stderr } = await demo.finished;

    expect({ code, stderr: code === 0 ? '' : stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toMatch(
      /#1 feat\(api\): list widgets by colour +testing on [0-9a-f]{7} \(waiting for 2 required checks\)/,
    );
    // The PRs behind it are tested together, and the failing batch is bisected to find #4.
    expect(stdout).toMatch(/#3 docs: explain widget sizes +\w+ \(testing with #4 and #5/);
    expect(stdout).toMatch(
      /#4 perf\(total\): sum prices in a loop +\w+ \(bisecting a failed batch/,
    );
    expect(lastView(stdout).map((row) => row.replace(/[0-9a-f]{7}/g, '<sha>'))).toEqual([
      '#1 feat(api): list widgets by colour  merged as <sha>',
      '#2 fix(config): lower the request timeout  dequeued: conflicts with main in src/config.ts [sluice:conflict]',
      '#3 docs: explain widget sizes  merged as <sha>',
      '#4 perf(total): sum prices in a loop  dequeued: test failed (test) [sluice:test]',
      '#5 feat(cli): add a --json flag  merged as <sha>',
    ]);
    expect(baseLog(stdout)).toEqual([
      'feat(cli): add a --json flag (#5)',
      'docs: explain widget sizes (#3)',
      'feat(api): list widgets by colour (#1)',
      'chore(config): raise the request timeout to 60 s',
      'Initial commit',
    ]);
    expect(stdout).toContain('Outcome is right:');
    // Piped, not a terminal: no colour codes.
    expect(stdout).not.toContain('\u001b[');
  });
});
