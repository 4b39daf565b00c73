import type { SchemaProblem } from '../config/types.js';
import type { ProblemPlace, ProblemText } from './config-problem-place.js';
import { codeSpan } from './config-value-text.js';

/** The message and fix for a key Sluice does not know, usually a typo. */
export function describeUnknownKey(
  problem: Extract<SchemaProblem, { kind: 'unknown-key' }>,
  place: ProblemPlace,
): ProblemText {
  const where =
    place.parentPath === '' ? 'at the top level' : `under ${codeSpan(place.parentPath)}`;
  if (problem.key === '<<') {
    return {
      message: `YAML merge keys (${codeSpan('<<')}) are not supported ${where}.`,
      fix: `Write the settings out, or share them between repositories with ${codeSpan('_extends')}.`,
    };
  }
  const known = problem.knownKeys.map(codeSpan).join(', ');
  return {
    message: `${codeSpan(problem.key)} is not a Sluice setting ${where}.`,
    fix:
      problem.suggestion === undefined
        ? `Remove ${codeSpan(problem.key)}; the settings ${where} are ${known}.`
        : `Did you mean ${codeSpan(problem.suggestion)}? Rename ${codeSpan(problem.key)} to ${codeSpan(problem.suggestion)}.`,
  };
}
