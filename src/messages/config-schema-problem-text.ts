import type { SchemaProblem } from '../config/types.js';
import { describeBoundsProblem } from './config-bounds-problem-text.js';
import type { ProblemPlace, ProblemText } from './config-problem-place.js';
import { describeUnknownKey } from './config-unknown-key-text.js';
import { codeSpan, describeConfigValue, yamlLine } from './config-value-text.js';
import { describeWrongType } from './config-wrong-type-text.js';

/** The message and fix for a value the schema rejects. */
export function describeSchemaProblem(problem: SchemaProblem, place: ProblemPlace): ProblemText {
  const key = codeSpan(place.keyPath);
  switch (problem.kind) {
    case 'unknown-key':
      return describeUnknownKey(problem, place);
    case 'missing-key':
      return {
        message: `${codeSpan(place.parentPath)} needs ${codeSpan(problem.key)}.`,
        fix: `Add a ${codeSpan(`${problem.key}:`)} line to this entry.`,
      };
    case 'wrong-type':
      return describeWrongType(problem, place);
    case 'not-one-of':
      return {
        message: `${key} must be one of ${problem.options.join(', ')}; you wrote ${describeConfigValue(problem.received)}.`,
        fix:
          problem.suggestion === undefined
            ? `Change it to ${orList(problem.options)}.`
            : `Did you mean ${codeSpan(problem.suggestion)}? Change it to that, or to another of ${orList(problem.options)}.`,
      };
    case 'too-small':
    case 'too-big':
      return describeBoundsProblem(problem, key);
    case 'unknown-placeholder':
      return {
        message: `${key} uses ${codeSpan(problem.placeholder)}, which Sluice cannot fill.`,
        fix:
          problem.suggestion === undefined
            ? `Use only these placeholders: ${problem.known.map(codeSpan).join(', ')}.`
            : `Did you mean ${codeSpan(problem.suggestion)}? Replace ${codeSpan(problem.placeholder)} with it.`,
      };
    case 'multiline-template':
      return {
        message: `${key} spans more than one line, but a commit subject is a single line.`,
        fix: `Write the template on one line; the commit body is set under ${codeSpan('mergeMessage.body')}.`,
      };
    case 'invalid-pattern':
      return {
        message: `${key} is not a valid regular expression: ${problem.reason}.`,
        fix: `Fix the pattern, or put a backslash before ${codeSpan('(')}, ${codeSpan('[')} or ${codeSpan('.')} to match it literally (single-quote the pattern in YAML so backslashes stay as written).`,
      };
    case 'invalid-branch-prefix':
      return {
        message: `${key} ${branchPrefixFlaw(problem.reason)}, so git cannot create branches named with it; you wrote ${describeConfigValue(problem.received)}.`,
        fix: `Use letters, digits, ${codeSpan('-')}, ${codeSpan('_')}, ${codeSpan('.')} and ${codeSpan('/')}, as in the default ${yamlLine(place.leaf, 'sluice/staging/')}.`,
      };
    case 'invalid-extends':
      return {
        message: `${key} must name a repository as ${codeSpan('repo')}, ${codeSpan('owner/repo')} or ${codeSpan('owner/repo:path')}; you wrote ${describeConfigValue(problem.received)}.`,
        fix: `To inherit the organisation-wide defaults kept in the ${codeSpan('.github')} repository, write ${yamlLine('_extends', '.github')}.`,
      };
    case 'label-clash':
      return {
        message: `${key} is ${codeSpan(problem.label)}, the same label as ${codeSpan(problem.queueLabelPath)}, so a pull request given it would be queued again.`,
        fix: `Choose another label for ${key}, or set it to ${codeSpan('null')} to add none.`,
      };
    case 'empty-rule':
      return {
        message: `${key} names no check, job or step, so it can never match.`,
        fix: `Add at least one of ${codeSpan('check:')}, ${codeSpan('job:')} or ${codeSpan('step:')} with a glob, such as ${yamlLine('step', 'Run cargo fmt*')}.`,
      };
    case 'conflict-not-retryable':
      return {
        message: `${key} cannot be ${codeSpan('retry')}: running CI again tests the same conflicting tree.`,
        fix: `Set it to ${codeSpan('dequeue')}; the author can queue the pull request again after rebasing.`,
      };
    case 'unexpected':
      return {
        message: `${key} is invalid: ${problem.detail}.`,
        fix: 'Compare the value with the description of this setting in the config reference.',
      };
  }
}

function branchPrefixFlaw(
  flaw: Extract<SchemaProblem, { kind: 'invalid-branch-prefix' }>['reason'],
): string {
  switch (flaw) {
    case 'character':
      return 'contains a space, a control character or one of ~ ^ : ? * [ \\ @{';
    case 'double-dot':
      return `contains ${codeSpan('..')}`;
    case 'leading':
      return `starts a path segment with ${codeSpan('/')}, ${codeSpan('.')} or ${codeSpan('-')}`;
    case 'lock-suffix':
      return `has a path segment ending in ${codeSpan('.lock')}`;
  }
}

function orList(options: string[]): string {
  const spans = options.map(codeSpan);
  return spans.length <= 1
    ? (spans[0] ?? '')
    : `${spans.slice(0, -1).join(', ')} or ${spans.at(-1)}`;
}
