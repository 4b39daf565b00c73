import type { SchemaProblem } from '../config/types.js';
import type { ProblemPlace, ProblemText } from './config-problem-place.js';
import { codeSpan, describeConfigValue, yamlLine } from './config-value-text.js';

type WrongType = Extract<SchemaProblem, { kind: 'wrong-type' }>;

/** The message and fix for a value of the wrong kind: text where a number belongs, and so on. */
export function describeWrongType(problem: WrongType, place: ProblemPlace): ProblemText {
  return {
    message: `${codeSpan(place.keyPath)} must be ${shapeWithArticle(problem.expected)}; you wrote ${describeConfigValue(problem.received)}.`,
    fix: wrongTypeFix(problem, place),
  };
}

function wrongTypeFix(
  problem: Extract<SchemaProblem, { kind: 'wrong-type' }>,
  place: ProblemPlace,
): string {
  if (problem.expected === 'boolean') {
    return `Write ${codeSpan('true')} or ${codeSpan('false')} (YAML 1.2 reads ${codeSpan('yes')}, ${codeSpan('no')}, ${codeSpan('on')} and ${codeSpan('off')} as text).`;
  }
  if (problem.expected === 'mapping') {
    return `Write its settings on the lines below ${codeSpan(`${place.leaf}:`)}, indented by two more spaces.`;
  }
  if (problem.expected === 'list') {
    return `Write one item per line, each starting with ${codeSpan('- ')}, or on one line as ${codeSpan('[first, second]')}.`;
  }
  if (problem.example !== undefined && problem.example !== null) {
    return `Write it like the default: ${yamlLine(place.leaf, problem.example)}.`;
  }
  return `Replace the value with ${shapeWithArticle(problem.expected)}.`;
}

function shapeWithArticle(
  shape: Extract<SchemaProblem, { kind: 'wrong-type' }>['expected'],
): string {
  switch (shape) {
    case 'mapping':
      return 'a mapping of settings';
    case 'list':
      return 'a list';
    case 'text':
      return 'text';
    case 'number':
      return 'a number';
    case 'whole number':
      return 'a whole number';
    case 'boolean':
      return `${codeSpan('true')} or ${codeSpan('false')}`;
  }
}
