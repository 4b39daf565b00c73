/** What a CLI command may touch: passed in, so commands are testable without a process. */
export interface CliIo {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  cwd: string;
  env: NodeJS.ProcessEnv;
}

export interface CliCommand {
  name: string;
  /** One line for `sluice --help`. */
  summary: string;
  /** Full usage text for `sluice <name> --help`. */
  usage: string;
  /** Returns the process exit code. */
  run(args: string[], io: CliIo): Promise<number>;
}

/** A usage mistake: printed on one line with a pointer to --help, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
