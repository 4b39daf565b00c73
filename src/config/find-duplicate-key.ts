import { isMap, isPair, isScalar, isSeq, visit, type Document } from 'yaml';
import { formatKeyPath, type KeyPath } from './format-key-path.js';

/**
 * The setting a `DUPLICATE_KEY` error at `offset` repeats, and where it was first written,
 * so the error can name both. `yaml` reports only the repetition's position.
 */
export function findDuplicateKey(
  document: Document.Parsed,
  offset: number,
): { keyPath: string; firstOffset: number } | undefined {
  let found: { keyPath: string; firstOffset: number } | undefined;
  visit(document, {
    Pair(_index, pair, ancestors) {
      const { key } = pair;
      if (!isScalar(key) || key.range?.[0] !== offset) return undefined;
      const parent = ancestors.at(-1);
      const first = isMap(parent)
        ? parent.items.find((item) => isScalar(item.key) && item.key.value === key.value)
        : undefined;
      const firstOffset = isScalar(first?.key) ? (first.key.range?.[0] ?? offset) : offset;
      found = { keyPath: formatKeyPath([...pathTo(ancestors), String(key.value)]), firstOffset };
      return visit.BREAK;
    },
  });
  return found;
}

/** Mapping keys and list indexes from the document down to the last of `ancestors`. */
function pathTo(ancestors: readonly unknown[]): KeyPath {
  const path: Array<string | number> = [];
  ancestors.forEach((node, i) => {
    if (isPair(node) && isScalar(node.key)) path.push(String(node.key.value));
    if (isSeq(node)) path.push(node.items.indexOf(ancestors[i + 1]));
  });
  return path;
}
