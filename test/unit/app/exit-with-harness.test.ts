import { afterEach, describe, expect, it } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const testHooks = pathToFileURL(
  resolve(import.meta.dirname, '../../../dist/runtime/test-hooks.js'),
);

const children: ChildProcess[] = [];

/** A child that calls exitWithHarness, says whether it watches, then idles forever. */
function startChild(stdin: 'pipe' | 'ignore') {
  const script =
    `const { exitWithHarness } = await import(${JSON.stringify(testHooks.href)});` +
    `console.log('watching:' + exitWithHarness()); setInterval(() => {}, 60_000);`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
    stdio: [stdin, 'pipe', 'inherit'],
  });
  children.push(child);
  return child;
}

async function firstLine(child: ReturnType<typeof startChild>): Promise<string> {
  const [chunk] = (await once(child.stdout!, 'data')) as [Buffer];
  return chunk.toString('utf8').trim();
}

describe('exitWithHarness', () => {
  // A failed assertion must not leave a child that keeps the test run alive.
  afterEach(() => {
    for (const child of children.splice(0))
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });

  it('follows the harness out when the stdin pipe it was started with closes', async () => {
    const child = startChild('pipe');
    // Node's 'pipe' is a socket pair on Linux: the app must watch it (it used to skip sockets).
    expect(await firstLine(child)).toBe('watching:true');
    const exited = once(child, 'exit');
    child.stdin!.end();
    const [code] = (await exited) as [number | null];
    expect(code).toBe(0);
  });

  it('leaves a stdin that is no pipe alone', async () => {
    const child = startChild('ignore');
    expect(await firstLine(child)).toBe('watching:false');
  });
});
