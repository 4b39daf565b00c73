import { afterAll, describe, expect, it } from '@jest/globals';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  buildRepository,
  makeTempDir,
  removeTempDirs,
} from '../changelog/support/build-repository.js';
import { parseHistoryFixture } from '../changelog/support/history-fixture.js';
import { fixtures } from '../changelog/support/run-history.js';

afterAll(removeTempDirs);

const bundle = fileURLToPath(new URL('../../../action/dist/index.js', import.meta.url));

/** `name<<delimiter` blocks, as @actions/core writes them to GITHUB_OUTPUT. */
function readOutputs(path: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const pattern = /^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  for (const [, name = '', , value = ''] of readFileSync(path, 'utf8').matchAll(pattern)) {
    outputs[name] = value;
  }
  return outputs;
}

/** Runs the committed bundle the way the runner does: a bare `node`, inputs in the env. */
function runAction(workspace: string, inputs: Record<string, string>) {
  const files = makeTempDir('action-files');
  const output = join(files, 'output');
  const summary = join(files, 'summary');
  writeFileSync(output, '');
  writeFileSync(summary, '');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    // An empty home and no system config: no git identity, as on a fresh runner.
    HOME: files,
    GIT_CONFIG_NOSYSTEM: '1',
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: output,
    GITHUB_STEP_SUMMARY: summary,
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  const result = spawnSync(process.execPath, [bundle], { cwd: files, env, encoding: 'utf8' });
  return {
    status: result.status,
    stdout: result.stdout,
    outputs: readOutputs(output),
    summary: readFileSync(summary, 'utf8'),
  };
}

const git = (dir: string, ...args: string[]) =>
  execFileSync('git', args, { cwd: dir, encoding: 'utf8' }).trim();

function mixedRepository(): string {
  const text = readFileSync(new URL('mixed.history', fixtures), 'utf8');
  const { dir } = buildRepository(parseHistoryFixture(text).steps);
  mkdirSync(join(dir, '.github'));
  copyFileSync(new URL('mixed.sluice.yml', fixtures), join(dir, '.github/sluice.yml'));
  return dir;
}

describe('the Action, run from its committed bundle', () => {
  it('writes and commits the changelog, sets outputs and the summary; a second run changes nothing', () => {
    const dir = mixedRepository();
    const inputs = { from: 'v1.0.0', to: 'v2.0.0', changelog: 'CHANGELOG.md', commit: 'true' };
    const first = runAction(dir, inputs);
    expect(first.status).toBe(0);
    const changelog = readFileSync(join(dir, 'CHANGELOG.md'), 'utf8');
    expect(changelog).toBe(readFileSync(new URL('action-run.expected.md', fixtures), 'utf8'));
    expect(first.outputs).toMatchObject({
      bump: 'major',
      version: 'v2.0.0',
      'changelog-updated': 'true',
      commit: git(dir, 'rev-parse', 'HEAD'),
    });
    expect(first.outputs.markdown).toContain(
      '### Breaking changes\n\n- Rework the settings page (#824)\n',
    );
    const entries = JSON.parse(first.outputs.entries ?? '') as { status: string }[];
    expect(entries).toHaveLength(9);
    expect(first.summary).toContain('## Changelog: v2.0.0\n');
    expect(first.summary).toContain(
      '9 listed, 0 hidden by type, 0 ignored as housekeeping, 0 cancelled by reverts. Suggested version bump: **major**.',
    );
    expect(first.stdout).toContain('::warning::');
    expect(git(dir, 'log', '-1', '--format=%an|%s')).toBe(
      'github-actions[bot]|chore(release): update CHANGELOG.md for v2.0.0',
    );

    const head = git(dir, 'rev-parse', 'HEAD');
    const second = runAction(dir, inputs);
    expect(second.status).toBe(0);
    expect(readFileSync(join(dir, 'CHANGELOG.md'), 'utf8')).toBe(changelog);
    expect(git(dir, 'rev-parse', 'HEAD')).toBe(head);
    expect(git(dir, 'status', '--porcelain', '--', 'CHANGELOG.md')).toBe('');
    expect(second.outputs).toMatchObject({ 'changelog-updated': 'false', commit: '' });
    expect(second.outputs.markdown).toBe(first.outputs.markdown);
  });

  it('writes nothing on a dry run', () => {
    const dir = mixedRepository();
    const run = runAction(dir, { changelog: 'CHANGELOG.md', commit: 'true', 'dry-run': 'true' });
    expect(run.status).toBe(0);
    expect(run.outputs).toMatchObject({ 'changelog-updated': 'false', version: 'Unreleased' });
    expect(git(dir, 'status', '--porcelain', '--untracked-files=no')).toBe('');
    expect(spawnSync('test', ['-e', join(dir, 'CHANGELOG.md')]).status).toBe(1);
  });

  it('fails the step with the file, line and fix of a broken config', () => {
    const dir = mixedRepository();
    writeFileSync(join(dir, '.github/sluice.yml'), 'changelog:\n  hidden: 3\n');
    const run = runAction(dir, {});
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^::error::\.github\/sluice\.yml:2:\d+: /m);
  });
});
