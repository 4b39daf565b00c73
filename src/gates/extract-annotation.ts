import type { GateAnnotation, SignatureMatch } from './types.js';

// Hosted Linux, container jobs, macOS and Windows runners check out to these workspaces.
const workspacePrefix =
  /^(?:file:\/\/)?(?:\/home\/runner\/work\/[^/]+\/[^/]+\/|\/__w\/[^/]+\/[^/]+\/|\/Users\/runner\/work\/[^/]+\/[^/]+\/|[A-Za-z]:\\a\\[^\\]+\\[^\\]+\\)|^\.\//;

/** A path relative to the repository root when it is inside the runner's workspace. */
export function workspaceRelativePath(path: string): string {
  const relative = path.replace(workspacePrefix, '');
  return relative === path && !/^[A-Za-z]:\\/.test(path) ? path : relative.replace(/\\/g, '/');
}

/** Builds an annotation from a signature's `file`/`line`/`col`/`message` groups. */
export function extractAnnotation(
  match: SignatureMatch,
  currentFile: string | null,
): GateAnnotation | undefined {
  const { file, line, col, message } = match.groups;
  const path = file ?? currentFile;
  if (path === null || path === undefined || line === undefined) return undefined;
  return {
    path: workspaceRelativePath(path),
    line: Number(line),
    ...(col === undefined ? {} : { column: Number(col) }),
    message: message?.trim() || match.signature.id,
    tool: match.signature.tool,
  };
}

const fileHeader = /^(?:\/|[A-Za-z]:\\|\.{0,2}[\w@-])[^\s:]*\.[A-Za-z][\w]{0,9}$/;

/**
 * ESLint, stylelint and yamllint print a file's path on a line of its own, then its
 * findings as `line:col` only. Returns that path, or null when the line is not one.
 */
export function readFileHeader(text: string): string | null {
  if (text.length > 400 || text.includes(' ') || !fileHeader.test(text)) return null;
  return text;
}

const rustLocation = /^\s*--> (?<file>[^\s:]+):(?<line>\d+):(?<col>\d+)/;

/** rustc, clippy and ruff print the location on the line after the message: ` --> f:1:2`. */
export function readLocationLine(text: string): { file: string; line: number; col: number } | null {
  if (!text.includes('--> ')) return null;
  const found = rustLocation.exec(text)?.groups;
  if (!found?.file || !found.line || !found.col) return null;
  return { file: found.file, line: Number(found.line), col: Number(found.col) };
}
