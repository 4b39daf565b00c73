/** Builders for GitHub Actions job logs in the shapes the runner and GitHub produce. */

export interface StepSpec {
  /** The step's script (first line becomes the `Run` title) or `uses:` reference. */
  run: string;
  output?: readonly string[];
  /** The exit code the runner reports; absent for a step that passed. */
  exitCode?: number;
}

export interface LogShape {
  timestamps?: boolean;
  crlf?: boolean;
  bom?: boolean;
}

const esc = '\x1b';

/** A step that failed, as a `StepSpec`. */
export function aFailingStep(run: string, output: readonly string[], exitCode = 1): StepSpec {
  return { run, output, exitCode };
}

export function aPassingStep(run: string, output: readonly string[] = []): StepSpec {
  return { run, output };
}

function stepLines(step: StepSpec): string[] {
  const uses = /^[\w.-]+\/[\w.-]+@/.test(step.run);
  const header = uses
    ? [`##[group]Run ${step.run}`, 'with:', '  fetch-depth: 1', '##[endgroup]']
    : [
        `##[group]Run ${step.run.split('\n')[0]}`,
        ...step.run.split('\n').map((line) => `${esc}[36;1m${line}${esc}[0m`),
        'shell: /usr/bin/bash -e {0}',
        '##[endgroup]',
      ];
  const failed =
    step.exitCode === undefined
      ? []
      : [`##[error]Process completed with exit code ${step.exitCode}.`];
  return [...header, ...(step.output ?? []), ...failed];
}

/** A raw job log as downloaded from Actions: preamble, steps, post-job cleanup. */
export function anActionsLog(steps: readonly StepSpec[], shape: LogShape = {}): string {
  const lines = [
    "Current runner version: '2.321.0'",
    '##[group]Operating System',
    'Ubuntu',
    '22.04.5',
    '##[endgroup]',
    'Complete job name: ci',
    ...steps.flatMap(stepLines),
    'Post job cleanup.',
    '[command]/usr/bin/git version',
    'Cleaning up orphan processes',
  ];
  const stamped =
    shape.timestamps === false ? lines : lines.map((line, i) => `${timestamp(i)} ${line}`);
  const text = stamped.join(shape.crlf ? '\r\n' : '\n') + (shape.crlf ? '\r\n' : '\n');
  return shape.bom ? `\uFEFF${text}` : text;
}

function timestamp(i: number): string {
  const seconds = String(Math.floor(i / 100) % 60).padStart(2, '0');
  return `2025-06-19T23:10:${seconds}.${String(i % 10_000_000).padStart(7, '0')}Z`;
}

/** The same job copied from the web UI: no timestamps, markers rendered, header indented. */
export function aWebUiCopy(step: StepSpec): string {
  const lines = [
    `Run ${step.run.split('\n')[0]}`,
    ...step.run.split('\n').map((line) => `  ${line}`),
    '  shell: /usr/bin/bash -e {0}',
    ...(step.output ?? []),
    ...(step.exitCode === undefined
      ? []
      : [`Error: Process completed with exit code ${step.exitCode}.`]),
  ];
  return `${lines.join('\n')}\n`;
}

/** `gh run view --log-failed`: `<job>\t<step>\t<timestamp> <line>` for the failed step only. */
export function aGhLogFailed(job: string, step: StepSpec): string {
  const name = `Run ${step.run.split('\n')[0]}`;
  return stepLines(step)
    .map((line, i) => `${job}\t${name}\t${timestamp(i)} ${line}`)
    .join('\n')
    .concat('\n');
}

/** Removes what the runner and terminals add, keeping every line (and line number). */
export function stripDecorations(log: string): string {
  return log
    .split('\n')
    .map((line) =>
      line
        .replace(/^(\uFEFF?)\d{4}-\d\d-\d\dT[\d:.]+Z ?/, '$1')
        .replace(/^([^\t\n]+\t[^\t\n]+\t\uFEFF?)\d{4}-\d\d-\d\dT[\d:.]+Z ?/, '$1')
        // eslint-disable-next-line no-control-regex
        .replace(/\x1b\[[0-?]*[ -/]*[@-~]/g, ''),
    )
    .join('\n');
}
