import { InvalidPathError } from './errors.js';

/**
 * `update-index --index-info` silently skips ("Ignoring path ../x") what it cannot store,
 * exiting 0, so a bad path would vanish from the tree instead of failing like GitHub's 422.
 */
export function validateTreePath(path: string): void {
  const segments = path.split('/');
  const malformed = segments.some(
    (segment) =>
      segment === '' ||
      segment === '.' ||
      segment === '..' ||
      segment.toLowerCase() === '.git' ||
      segment.includes('\0'),
  );
  if (malformed) throw new InvalidPathError(path);
}
