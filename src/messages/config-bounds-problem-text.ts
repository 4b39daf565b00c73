import type { SchemaProblem } from '../config/types.js';
import type { ProblemText } from './config-problem-place.js';
import { describeConfigValue } from './config-value-text.js';

type BoundsProblem = Extract<SchemaProblem, { kind: 'too-small' | 'too-big' }>;

/** The message and fix for a number, text or list outside its allowed size. */
export function describeBoundsProblem(problem: BoundsProblem, key: string): ProblemText {
  const wrote = describeConfigValue(problem.received);
  if (problem.kind === 'too-small') {
    switch (problem.of) {
      case 'number':
        return {
          message: `${key} must be at least ${problem.minimum}; you wrote ${wrote}.`,
          fix: `Set it to ${problem.minimum} or more.`,
        };
      case 'text':
        return {
          message: `${key} must not be blank.`,
          fix: 'Write a value, or delete the line to use the default.',
        };
      case 'list':
        return {
          message: `${key} needs at least ${problem.minimum} entries.`,
          fix: `Add entries until there are ${problem.minimum}.`,
        };
    }
  }
  switch (problem.of) {
    case 'number':
      return {
        message: `${key} must be at most ${problem.maximum}; you wrote ${wrote}.`,
        fix: `Set it to ${problem.maximum} or less.`,
      };
    case 'text':
      return {
        message: `${key} is longer than ${problem.maximum} characters; you wrote ${wrote}.`,
        fix: `Shorten it to ${problem.maximum} characters or fewer.`,
      };
    case 'list':
      return {
        message: `${key} has more than ${problem.maximum} entries.`,
        fix: `Keep at most ${problem.maximum} entries.`,
      };
  }
}
