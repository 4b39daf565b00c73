import type { LocatedNode, Position } from './types.js';
import type { KeyPath } from './format-key-path.js';

export interface Location extends Position {
  file: string;
}

/**
 * Where to point a reader for a problem at `path`: the key itself when `at` is `key` (an
 * unknown or misspelt key), otherwise its value. A path that leads below what was written
 * (into an alias, or to a key that is missing) falls back to the deepest node written.
 */
export function locateKeyPath(root: LocatedNode, path: KeyPath, at: 'key' | 'value'): Location {
  let node = root;
  let exact = true;
  for (const segment of path) {
    const child = node.children.get(String(segment));
    if (child === undefined) {
      exact = false;
      break;
    }
    node = child;
  }
  const preferKey = at === 'key' && exact;
  const position = (preferKey ? node.key : node.value) ??
    node.key ??
    node.value ?? { line: 1, column: 1 };
  return { file: node.file, ...position };
}
