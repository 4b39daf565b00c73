import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { GateClass } from '../../../src/gates/index.js';

export interface CorpusCase {
  file: string;
  class: GateClass;
  tool: string;
  adversarial: boolean;
  check_name: string;
  why: string;
  source: string;
}

export const corpusDir = fileURLToPath(new URL('../../fixtures/gate-corpus/', import.meta.url));

export function readCorpusIndex(): CorpusCase[] {
  return readFileSync(`${corpusDir}index.jsonl`, 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line) => JSON.parse(line) as CorpusCase);
}

export function readCorpusLog(file: string): Buffer {
  return readFileSync(`${corpusDir}${file}`);
}
