/**
 * A large, realistic failing job log for the classification benchmark: the runner's
 * preamble, setup steps, then one long test step that is almost all passing output
 * (compiler progress, passing tests, warnings, coloured runner labels, timestamps on every
 * line) and fails at the very end, as the logs that motivate streaming do.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

const esc = '\x1b';
const crates = ['serde', 'tokio', 'hyper', 'mq-queue', 'mq-gates', 'regex', 'rustls', 'tracing'];
const words = ['parses', 'retries', 'batches', 'renders', 'rejects', 'orders', 'labels', 'merges'];
const nouns = ['header', 'queue', 'check_run', 'staging_commit', 'label', 'webhook', 'subject'];

/** Deterministic, so every run benchmarks the same bytes. */
function sequence(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

function stamp(index: number): string {
  const seconds = Math.floor(index / 4000);
  const time = new Date(Date.UTC(2025, 8, 14, 8, 0, 0) + seconds * 1000).toISOString().slice(0, 19);
  return `${time}.${String(index % 10_000_000).padStart(7, '0')}Z `;
}

function noiseLine(index: number, next: () => number): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const roll = next();
  if (roll < 0.45) return `test ${pick(nouns)}::${pick(words)}_${pick(nouns)}_${index} ... ok`;
  if (roll < 0.6)
    return `tests/test_${pick(nouns)}.py::test_${pick(words)}_${index} PASSED   [ ${index % 100}%]`;
  if (roll < 0.7)
    return `${esc}[1m${esc}[92m   Compiling${esc}[0m ${pick(crates)} v1.${index % 40}.0`;
  if (roll < 0.8)
    return `${esc}[0m${esc}[7m${esc}[1m${esc}[32m PASS ${esc}[39m${esc}[22m${esc}[27m${esc}[0m src/${pick(nouns)}.test.ts (${(next() * 3).toFixed(2)} s)`;
  if (roll < 0.88) return `--- PASS: Test${pick(words)}${index} (0.00s)`;
  if (roll < 0.94) return `warning: unused variable: \`${pick(nouns)}\``;
  if (roll < 0.97)
    return `Downloading https://registry.npmjs.org/${pick(crates)}/-/${pick(crates)}-1.${index % 9}.0.tgz`;
  return `npm warn deprecated inflight@1.0.6: This module is not supported, and leaks memory.`;
}

const preamble = [
  "Current runner version: '2.321.0'",
  '##[group]Operating System',
  'Ubuntu',
  '##[endgroup]',
  '##[group]Run actions/checkout@v4',
  'with:',
  '  fetch-depth: 1',
  '##[endgroup]',
  '##[group]Run cargo test --workspace',
  `${esc}[36;1mcargo test --workspace${esc}[0m`,
  'shell: /usr/bin/bash -e {0}',
  '##[endgroup]',
];

const failure = [
  'test queue::orders_by_priority ... FAILED',
  '',
  'failures:',
  '',
  '---- queue::orders_by_priority stdout ----',
  "thread 'queue::orders_by_priority' panicked at crates/mq-queue/src/lib.rs:88:9:",
  'assertion `left == right` failed',
  '  left: 2',
  ' right: 1',
  '',
  'test result: FAILED. 1048575 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out',
  '',
  'error: test failed, to rerun pass `-p mq-queue --lib`',
  '##[error]Process completed with exit code 101.',
  'Post job cleanup.',
  'Cleaning up orphan processes',
];

/** Writes about `bytes` of log to `path`; returns the exact size and line count written. */
export async function writeBenchmarkLog(
  path: string,
  bytes: number,
): Promise<{ bytes: number; lines: number }> {
  const out = createWriteStream(path);
  const next = sequence(7);
  let written = 0;
  let index = 0;
  const flush = async (lines: string[]): Promise<void> => {
    const text = lines.map((line) => stamp(index++) + line).join('\n') + '\n';
    written += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, 'drain');
  };
  await flush(preamble);
  while (written < bytes) {
    const batch: string[] = [];
    for (let i = 0; i < 10_000; i++) batch.push(noiseLine(index + i, next));
    await flush(batch);
  }
  await flush(failure);
  out.end();
  await once(out, 'finish');
  return { bytes: written, lines: index };
}
