/**
 * Gate classification benchmark: a 200 MB failing job log classified through the same
 * streaming path as `sluice classify --json FILE`, in a child process so its peak RSS is
 * the classifier's alone. Writes the results into docs/benchmarks.md.
 *
 *   npm run build && npx tsx bench/classify.ts [--mb 200] [--runs 3]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { writeBenchmarkLog } from './classify-log.js';

interface Run {
  verdict: { class: string; signature: string | null; line: number | null };
  ms: number;
  cpuMs: number;
  maxRssKiB: number;
}

const root = join(import.meta.dirname, '..');
const command = join(root, 'dist/cli/commands/classify.js');
const docs = join(root, 'docs/benchmarks.md');

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? fallback : Number(process.argv[at + 1]);
}

// Runs in the child: the CLI command itself, reading the file as `sluice classify` does.
const child = `
const { classifyCommand } = await import(process.argv[1]);
let out = '';
const stdout = { write: (text) => { out += text; return true; } };
const started = performance.now();
const cpu = process.cpuUsage();
const code = await classifyCommand.run(['--json', process.argv[2]], {
  stdin: process.stdin, stdout, stderr: process.stderr, cwd: process.cwd(), env: {},
});
const used = process.cpuUsage(cpu);
if (code !== 0) process.exit(code);
console.log(JSON.stringify({
  verdict: JSON.parse(out),
  ms: performance.now() - started,
  cpuMs: (used.user + used.system) / 1000,
  maxRssKiB: process.resourceUsage().maxRSS,
}));`;

function classifyInChild(file: string): Run {
  const stdout = execFileSync(
    process.execPath,
    ['--input-type=module', '-e', child, pathToFileURL(command).href, file],
    { encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  return JSON.parse(stdout) as Run;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function report(
  log: { bytes: number; lines: number },
  runs: Run[],
  idle: Run,
  load: number,
): string {
  const sizeMb = log.bytes / 1_000_000;
  const wall = runs.map((r) => sizeMb / (r.ms / 1000));
  const cpu = runs.map((r) => sizeMb / (r.cpuMs / 1000));
  const peak = Math.max(...runs.map((r) => r.maxRssKiB)) / 1024;
  const verdict = runs[0]!.verdict;
  const cpu0 = cpus()[0];
  return `## Gate classification

\`sluice classify --json FILE\` on a generated ${sizeMb.toFixed(0)} MB failing job log (runner
timestamps on every line, ANSI colours, ${(log.lines / 1e6).toFixed(1)} M lines of passing output, the failure at
the end), streamed from disk in a child process. \`npx tsx bench/classify.ts\` regenerates this
section (after \`npm run build\`).

| measure | result | target |
| --- | --- | --- |
| throughput, wall clock (median of ${runs.length}) | ${median(wall).toFixed(0)} MB/s (runs: ${wall.map((w) => w.toFixed(0)).join(', ')}) | ≥ 100 MB/s |
| throughput, CPU time (median of ${runs.length}) | ${median(cpu).toFixed(0)} MB/s | |
| peak RSS (maxRSS of the child) | ${peak.toFixed(0)} MB | < 100 MB |
| peak RSS, same process on a 1 KB log | ${(idle.maxRssKiB / 1024).toFixed(0)} MB | |
| verdict | \`${verdict.class}\`, \`${verdict.signature}\` at line ${verdict.line} | \`test\` |

Machine: ${cpu0?.model.trim() ?? 'unknown CPU'}, ${cpus().length} cores, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}.
Load average when measured: ${load.toFixed(1)} (other work shares these cores; CPU-time
throughput is the figure that does not depend on it).
`;
}

/** Replaces this benchmark's section (or appends it), leaving the others as they are. */
async function writeSection(section: string): Promise<void> {
  const existing = existsSync(docs) ? readFileSync(docs, 'utf8') : '# Benchmarks\n';
  const start = existing.indexOf('## Gate classification');
  const after = start === -1 ? -1 : existing.indexOf('\n## ', start + 1);
  const text =
    start === -1
      ? `${existing.trimEnd()}\n\n${section}`
      : `${existing.slice(0, start)}${section}${after === -1 ? '' : `\n${existing.slice(after + 1)}`}`;
  // CI checks formatting of the whole tree: write the file as Prettier would.
  const options = await resolveConfig(docs);
  writeFileSync(docs, await format(text, { ...options, filepath: docs }));
}

async function main(): Promise<void> {
  if (!existsSync(command)) throw new Error(`${command} is missing: run \`npm run build\` first`);
  const dir = mkdtempSync(join(tmpdir(), 'sluice-classify-bench-'));
  try {
    const file = join(dir, 'job.log');
    const log = await writeBenchmarkLog(file, option('mb', 200) * 1_000_000);
    const tiny = join(dir, 'tiny.log');
    writeFileSync(tiny, 'FAIL\tgithub.com/acme/x\t0.01s\n');
    const idle = classifyInChild(tiny);
    const runs = Array.from({ length: option('runs', 3) }, () => classifyInChild(file));
    const section = report(log, runs, idle, loadavg()[0]!);
    await writeSection(section);
    process.stdout.write(section);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
