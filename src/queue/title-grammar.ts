import { normalizeTitle, parseMergeSubject } from '../merge-subject/index.js';

/**
 * Whether a PR title reads as a conventional commit (`type(scope)!: description`), or as the
 * revert GitHub proposes for one — what `mergeMessage.requireConventionalTitle` asks for, so
 * the changelog never has to file the landed subject under "Other".
 */
export function hasConventionalTitle(title: string): boolean {
  const { format } = parseMergeSubject(normalizeTitle(title));
  return format === 'conventional' || format === 'revert';
}
