import { spawn } from 'node:child_process';
import { GitCommandError } from './errors.js';
import { buildGitEnv } from './git-env.js';

export type GitResult = { stdout: Buffer; stderr: string; exitCode: number };

export type RunGitOptions = {
  input?: Buffer | string;
  env?: Record<string, string>;
  /** Exit codes that are answers rather than failures (`merge-base --is-ancestor` says no with 1). */
  okExitCodes?: readonly number[];
};

export type GitRunner = (args: readonly string[], options?: RunGitOptions) => Promise<GitResult>;

/** A runner bound to one repository. Always async: sync calls deadlock the HTTP server. */
export function createGitRunner(gitDir: string, homeDir: string): GitRunner {
  return (args, options) => runGit([`--git-dir=${gitDir}`, ...args], homeDir, options);
}

export function runGit(
  args: readonly string[],
  homeDir: string,
  options: RunGitOptions = {},
): Promise<GitResult> {
  const okExitCodes = options.okExitCodes ?? [0];
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, {
      env: buildGitEnv(homeDir, options.env),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', (cause) => reject(new GitCommandError(args, null, '', { cause })));
    // git may exit before reading all of stdin (a bad object name); the EPIPE is not the story.
    child.stdin.on('error', () => {});
    child.on('close', (exitCode) => {
      const result = {
        stdout: Buffer.concat(stdout),
        stderr: Buffer.concat(stderr).toString('utf8'),
        exitCode: exitCode ?? -1,
      };
      if (okExitCodes.includes(result.exitCode)) resolve(result);
      else reject(new GitCommandError(args, exitCode, result.stderr));
    });
    child.stdin.end(options.input);
  });
}
