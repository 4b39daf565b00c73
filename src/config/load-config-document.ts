import { describeYamlProblem } from '../messages/config-yaml-problem-text.js';
import type { ConfigError, LoadConfigDocumentResult, Position, YamlProblem } from './types.js';
import { configLimits } from './config-limits.js';
import { readYaml } from './read-yaml.js';
import { utf8ByteLength } from './utf8-byte-length.js';

/**
 * Reads a config file into plain values and the position of each, without judging the
 * settings. `text` is undefined when the file does not exist; like an empty file, that
 * means "all defaults". `path` names the file in errors.
 */
export function loadConfigDocument(
  text: string | undefined,
  options: { path: string },
): LoadConfigDocumentResult {
  const file = options.path;
  const emptyDocument = {
    path: file,
    value: {},
    locations: { file, value: { line: 1, column: 1 }, children: new Map() },
  };
  if (text === undefined) return { ok: true, document: emptyDocument };
  // Checked before parsing so a huge file costs one pass over its characters, nothing more.
  const bytes = utf8ByteLength(text);
  if (bytes > configLimits.maxBytes) {
    return fail(
      file,
      { kind: 'too-large', bytes, limit: configLimits.maxBytes },
      { line: 1, column: 1 },
    );
  }
  const read = readYaml(text, file);
  if (!read.ok) return fail(file, read.problem, read.position, read.keyPath);
  if (read.value === null || read.value === undefined) return { ok: true, document: emptyDocument };
  if (!isMapping(read.value)) {
    return fail(
      file,
      { kind: 'root-not-mapping', received: read.value },
      read.locations.value ?? { line: 1, column: 1 },
    );
  }
  return { ok: true, document: { path: file, value: read.value, locations: read.locations } };
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fail(
  file: string,
  problem: YamlProblem,
  position: Position,
  keyPath = '',
): LoadConfigDocumentResult {
  const { message, fix } = describeYamlProblem(problem, file);
  const error: ConfigError = {
    path: file,
    ...position,
    keyPath,
    kind: problem.kind,
    message,
    fix,
  };
  return { ok: false, errors: [error] };
}
