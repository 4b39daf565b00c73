/**
 * The workflow commands tools print (`::error file=src/a.ts,line=3::message`). The runner
 * logs them as `##[error]message` (with `%0A` turned into line breaks) and turns error,
 * warning and notice commands into check run annotations.
 */
import type { CheckAnnotation } from '../world/types.js';

export interface WorkflowCommand {
  command: string;
  properties: Record<string, string>;
  message: string;
}

const commandLine = /^::([a-z-]+)(?: ([^:]*))?::(.*)$/;

function unescape(value: string): string {
  return value
    .replace(/%0D/gi, '\r')
    .replace(/%0A/gi, '\n')
    .replace(/%3A/gi, ':')
    .replace(/%2C/gi, ',')
    .replace(/%25/g, '%');
}

export function parseWorkflowCommand(line: string): WorkflowCommand | undefined {
  const match = commandLine.exec(line);
  if (!match) return undefined;
  const properties: Record<string, string> = {};
  for (const pair of (match[2] ?? '').split(',').filter(Boolean)) {
    const [key, ...value] = pair.split('=');
    if (key) properties[key.trim()] = unescape(value.join('='));
  }
  return { command: match[1]!, properties, message: unescape(match[3] ?? '') };
}

/** A tool's output line as the runner writes it to the log. */
export function runnerLines(line: string): string[] {
  const command = parseWorkflowCommand(line);
  if (!command) return [line];
  switch (command.command) {
    case 'error':
    case 'warning':
    case 'notice':
    case 'debug':
      return command.message
        .split('\n')
        .map((part, i) => (i === 0 ? `##[${command.command}]${part}` : part));
    case 'group':
      return [`##[group]${command.message}`];
    case 'endgroup':
      return ['##[endgroup]'];
    default:
      return [];
  }
}

/** Runner errors without a file are pinned to `.github`, line 1, as Actions does (verify). */
export function runnerAnnotation(
  message: string,
  level: CheckAnnotation['annotation_level'] = 'failure',
): CheckAnnotation {
  return { path: '.github', start_line: 1, end_line: 1, annotation_level: level, message };
}

/** The annotations a step's output produces: its error/warning/notice commands and bare `##[error]` lines. */
export function annotationsFromOutput(output: string): CheckAnnotation[] {
  const annotations: CheckAnnotation[] = [];
  for (const line of output.split(/\r?\n/)) {
    if (line.startsWith('##[error]'))
      annotations.push(runnerAnnotation(line.slice('##[error]'.length)));
    const command = parseWorkflowCommand(line);
    if (!command || !['error', 'warning', 'notice'].includes(command.command)) continue;
    const { file, line: at, endLine, col, endColumn, title } = command.properties;
    const start = Number(at ?? 1);
    annotations.push({
      ...runnerAnnotation(
        command.message,
        command.command === 'error' ? 'failure' : (command.command as 'warning' | 'notice'),
      ),
      ...(file ? { path: file } : {}),
      start_line: start,
      end_line: Number(endLine ?? start),
      ...(col ? { start_column: Number(col) } : {}),
      ...(endColumn ? { end_column: Number(endColumn) } : {}),
      ...(title ? { title } : {}),
    });
  }
  return annotations;
}
