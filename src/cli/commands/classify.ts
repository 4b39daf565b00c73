import { open } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  checkConclusions,
  createGateScanner,
  describeGateClass,
  type CheckConclusion,
  type GateContext,
  type GateVerdict,
} from '../../gates/index.js';
import { UsageError, type CliCommand, type CliIo } from '../types.js';
import { parseFlags } from '../parse-flags.js';

const usage = `Usage: sluice classify [--check NAME] [--step NAME] [--conclusion C] [--json] FILE|-

Names the gate a failing CI job shows (fmt, lint, build, test, conflict, infra or unknown),
with the evidence and the command that fixes it. FILE is a job log as downloaded from
GitHub Actions, copied from its web page, or printed by \`gh run view --log-failed\`;
"-" reads standard input. Logs of any size are read as a stream.

  --check NAME     the failing check's name, reported with the verdict
  --step NAME      the failing step's name, when the log shows more than one step failing
  --conclusion C   the check's conclusion; cancelled, timed_out, startup_failure and stale
                   are infra without reading the log
  --json           print one JSON object: class, confidence, check, step, signature, line,
                   context, fix`;

const options = {
  check: { type: 'string' },
  step: { type: 'string' },
  conclusion: { type: 'string' },
  json: { type: 'boolean' },
} as const;

// Large reads keep the per-chunk overhead negligible on logs of hundreds of MB.
const chunkSize = 256 * 1024;

function parseCommandLine(args: string[]): { file: string; context: GateContext; json: boolean } {
  const { values, positionals } = parseFlags({
    args,
    options,
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length !== 1) throw new UsageError('expected one FILE (or - for stdin)');
  const conclusion = values.conclusion;
  if (conclusion !== undefined && !checkConclusions.includes(conclusion as CheckConclusion)) {
    throw new UsageError(`--conclusion must be one of ${checkConclusions.join(', ')}`);
  }
  return {
    file: positionals[0]!,
    json: values.json === true,
    context: {
      check: values.check ?? null,
      step: values.step ?? null,
      conclusion: (conclusion as CheckConclusion | undefined) ?? null,
    },
  };
}

/** Streams a log into the classifier: the CLI's path, and the benchmark's. */
export async function classifyStream(
  source: AsyncIterable<Uint8Array | string>,
  context: GateContext,
): Promise<GateVerdict> {
  const scanner = createGateScanner(context);
  for await (const chunk of source) scanner.push(chunk);
  return scanner.finish();
}

async function classifyFile(path: string, context: GateContext): Promise<GateVerdict> {
  const handle = await open(path, 'r');
  try {
    return await classifyStream(handle.createReadStream({ highWaterMark: chunkSize }), context);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** The `--json` shape: exactly these keys, in this order, `null` where unknown. */
export function renderVerdictJson(verdict: GateVerdict): string {
  const { check, step, signature, line, context, confidence } = verdict;
  const fix = verdict.fix ?? null;
  return `${JSON.stringify({ class: verdict.class, confidence, check, step, signature, line, context, fix })}\n`;
}

export function renderVerdictText(verdict: GateVerdict): string {
  const rows: Array<[string, string | null]> = [
    ['confidence', verdict.confidence.toFixed(2)],
    ['check', verdict.check],
    ['step', verdict.step],
    ['why', verdict.reason],
    ['fix', verdict.fix ?? null],
  ];
  const lines = [`${verdict.class}: ${describeGateClass(verdict.class)}`];
  for (const [label, value] of rows)
    if (value !== null) lines.push(`  ${label.padEnd(10)}  ${value}`);
  if (verdict.context.length > 0) {
    lines.push('  log');
    for (const text of verdict.context) lines.push(`    | ${text}`.trimEnd());
  }
  return `${lines.join('\n')}\n`;
}

function describeReadError(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'is a directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return undefined;
}

export const classifyCommand: CliCommand = {
  name: 'classify',
  summary: 'name the gate a failing CI log shows, with the evidence and the fix',
  usage,
  async run(args: string[], io: CliIo): Promise<number> {
    const { file, context, json } = parseCommandLine(args);
    let verdict: GateVerdict;
    try {
      verdict =
        file === '-'
          ? await classifyStream(io.stdin as AsyncIterable<Uint8Array | string>, context)
          : await classifyFile(resolve(io.cwd, file), context);
    } catch (error) {
      const problem = describeReadError(error);
      if (problem === undefined) throw error;
      io.stderr.write(`sluice classify: cannot read ${file}: ${problem}\n`);
      return 2;
    }
    io.stdout.write(json ? renderVerdictJson(verdict) : renderVerdictText(verdict));
    return 0;
  },
};
