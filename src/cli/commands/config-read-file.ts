import { readFile, stat } from 'node:fs/promises';
import { configLimits, type ConfigError } from '../../config/index.js';
import { describeYamlProblem } from '../../messages/config-yaml-problem-text.js';

export type FileRead =
  | { ok: true; text: string }
  | { ok: false; errors: ConfigError[] }
  | { ok: false; problem: string; exitCode: 1 | 2; missing: boolean };

/**
 * The file's text, refused as the app would refuse it (too large, measured in the file's
 * bytes), or refused outright when it is not UTF-8 text: decoding it anyway would judge
 * replacement characters nobody wrote.
 */
export async function readConfigFile(path: string, shown: string): Promise<FileRead> {
  let bytes: Buffer;
  try {
    // A regular file's size is known before reading it: a huge one is not read at all.
    const { size } = await stat(path);
    if (size > configLimits.maxBytes) return tooLarge(shown, size);
    bytes = await readFile(path);
  } catch (error) {
    const problem = describeReadError(error);
    if (problem === undefined) throw error;
    return {
      ok: false,
      problem: `cannot read ${shown}: ${problem}`,
      exitCode: 2,
      missing: problem === noSuchFile,
    };
  }
  if (bytes.length > configLimits.maxBytes) return tooLarge(shown, bytes.length);
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, problem: describeNotUtf8(shown, bytes), exitCode: 1, missing: false };
  }
}

/** The app's own error for an oversized file, with the size in the file's bytes. */
function tooLarge(file: string, bytes: number): FileRead {
  const problem = { kind: 'too-large', bytes, limit: configLimits.maxBytes } as const;
  const { message, fix } = describeYamlProblem(problem, file);
  return {
    ok: false,
    errors: [{ path: file, line: 1, column: 1, keyPath: '', kind: problem.kind, message, fix }],
  };
}

function describeNotUtf8(file: string, bytes: Buffer): string {
  // Everything before the first replacement character that the file did not contain
  // itself decoded cleanly, so its UTF-8 length is the offset of the offending byte.
  const lossy = bytes.toString('utf8');
  let offset = 0;
  for (const char of lossy) {
    const written =
      bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd;
    if (char === '\ufffd' && !written) break;
    offset += Buffer.byteLength(char);
  }
  const before = bytes.subarray(0, offset);
  const line = before.filter((byte) => byte === 0x0a).length + 1;
  // In characters, as editors count them: the line so far is valid UTF-8.
  const column = [...before.subarray(before.lastIndexOf(0x0a) + 1).toString('utf8')].length + 1;
  const byte = (bytes[offset] ?? 0).toString(16).toUpperCase().padStart(2, '0');
  return (
    `${file} is not UTF-8 text (byte 0x${byte} at line ${line}, column ${column}); ` +
    'Sluice reads config files as UTF-8: save it in that encoding.'
  );
}

const noSuchFile = 'no such file';

function describeReadError(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return noSuchFile;
  if (code === 'EISDIR') return 'is a directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return undefined;
}
