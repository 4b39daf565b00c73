/**
 * Merge-queue benchmark: the real app process against the local GitHub. GitHub API requests
 * per merged PR in the serial happy path, webhook-to-first-API-call latency, and the app's
 * resident memory idle and under a queue of PRs. Writes the "Merge queue" section of
 * docs/benchmarks.md.
 *
 *   npm run build && npx tsx bench/queue.ts [--prs 10] [--labels 20] [--queue 50] [--no-docs]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { countRequests, countSerialRequests } from './queue-requests.js';
import { measureLatency } from './queue-latency.js';
import { measureMemory } from './queue-memory.js';
import { renderQueueSection } from './queue-report.js';

const root = join(import.meta.dirname, '..');
const docs = join(root, 'docs/benchmarks.md');

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? fallback : Number(process.argv[at + 1]);
}

/** The commit measured, and whether the app that ran (dist/) was built from something else. */
function describeSource(app: string): string {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' });
  const built = statSync(app).mtimeMs;
  const stale = readdirSync(join(root, 'src'), { recursive: true, withFileTypes: true }).some(
    (entry) => entry.isFile() && statSync(join(entry.parentPath, entry.name)).mtimeMs > built,
  );
  const notes = stale ? ['dist/ older than src/: run `npm run build`'] : [];
  try {
    const commit = git('rev-parse', '--short', 'HEAD').trim();
    if (git('status', '--porcelain', '--', 'src').trim() !== '')
      notes.unshift('uncommitted changes in src/');
    return [commit, ...notes].join('; ');
  } catch {
    return ['not a git checkout', ...notes].join('; ');
  }
}

/** Replaces the section from its heading to the next `## ` (or appends it), as Prettier writes it. */
async function writeSection(section: string): Promise<void> {
  const existing = existsSync(docs) ? readFileSync(docs, 'utf8') : '# Benchmarks\n';
  const start = existing.search(/^## Merge queue\s*$/m);
  const next = start === -1 ? -1 : existing.slice(start + 1).search(/^## /m);
  const text =
    start === -1
      ? `${existing.trimEnd()}\n\n${section}`
      : existing.slice(0, start) +
        section +
        (next === -1 ? '' : `\n${existing.slice(start + 1 + next)}`);
  const options = await resolveConfig(docs);
  writeFileSync(docs, await format(text, { ...options, filepath: docs }));
}

async function main(): Promise<void> {
  const app = join(root, 'dist/main.js');
  if (!existsSync(app)) throw new Error(`${app} is missing: run \`npm run build\` first`);
  const [prs, labels, queue] = [option('prs', 10), option('labels', 20), option('queue', 50)];
  if (queue === prs)
    throw new Error('--queue must differ from --prs: the request fit needs two lengths');
  const loadBefore = loadavg()[0] ?? 0;
  const step = (what: string) => console.error(`queue benchmark: ${what}`);
  step('one PR on a fresh process');
  const one = await countRequests(1);
  step(`${prs} PRs one at a time (the serial happy path)`);
  const serial = await countSerialRequests(prs);
  step(`${prs} PRs queued at once`);
  const queued = await countRequests(prs);
  step(`latency of ${labels} labels, one at a time`);
  const latency = await measureLatency(labels);
  step(`memory while ${queue} queued PRs land`);
  const memory = await measureMemory(queue);
  const section = renderQueueSection({
    one,
    serial,
    queued,
    latency,
    memory,
    source: describeSource(app),
    loadBefore,
    loadAfter: loadavg()[0] ?? 0,
  });
  if (!process.argv.includes('--no-docs')) await writeSection(section);
  process.stdout.write(section);
}

await main();
