import type { YamlProblem, YamlSyntaxHint } from '../config/types.js';
import type { ProblemText } from './config-problem-place.js';
import { codeSpan, describeConfigValue } from './config-value-text.js';

/** The message and fix for a config file that is not a usable YAML mapping. */
export function describeYamlProblem(problem: YamlProblem, file: string): ProblemText {
  const name = codeSpan(file);
  switch (problem.kind) {
    case 'too-large':
      return {
        message: `${name} is ${kilobytes(problem.bytes)}; Sluice reads config files up to ${kilobytes(problem.limit)}.`,
        fix: 'Remove settings that repeat the defaults and long comments; a complete config is a few kilobytes.',
      };
    case 'yaml-syntax':
      return {
        message: `${name} is not valid YAML: ${sentenceTail(problem.reason)}.`,
        fix: syntaxFix(problem.hint),
      };
    case 'duplicate-key':
      return {
        message: `${codeSpan(problem.keyPath)} is set twice in ${name}: on line ${problem.firstLine} and again here.`,
        fix: 'Keep only one of the repeated keys: a key may appear once in each mapping.',
      };
    case 'undefined-alias':
      return {
        message: `${name} uses the alias ${codeSpan(`*${problem.alias}`)}, but no anchor ${codeSpan(`&${problem.alias}`)} is written above it.`,
        fix: `Define the anchor (${codeSpan('&name')}) above the alias (${codeSpan('*name')}) that uses it, or write the value out.`,
      };
    case 'too-deep':
      return {
        message: `${name} nests mappings or lists more than ${problem.limit} levels deep.`,
        fix: 'Remove the extra nesting: Sluice settings are at most four levels deep.',
      };
    case 'alias-expansion':
      return {
        message: `${name} repeats values through YAML aliases (${codeSpan('*name')}) more than ${problem.limit} times, counting the aliases inside repeated values each time.`,
        fix: 'Write the repeated values out instead of nesting aliases inside aliases.',
      };
    case 'recursive-alias':
      return {
        message: `${name} has an alias (${codeSpan('*name')}) inside the mapping or list its anchor names, which would repeat forever.`,
        fix: 'Remove that alias or point it at a value defined elsewhere.',
      };
    case 'multiple-documents':
      return {
        message: `${name} holds more than one YAML document (separated by ${codeSpan('---')}).`,
        fix: `Keep one document: delete the ${codeSpan('---')} line and put all settings in one mapping.`,
      };
    case 'root-not-mapping':
      return {
        message: `${name} must be a mapping of settings such as ${codeSpan('queue:')}; it holds ${describeConfigValue(problem.received)}.`,
        fix: `Start each section at the beginning of a line as ${codeSpan('name:')}, with no ${codeSpan('-')} in front, and indent its settings below it.`,
      };
  }
}

function syntaxFix(hint: YamlSyntaxHint): string {
  switch (hint) {
    case 'tab-indent':
      return 'Indent with spaces: YAML does not allow tab characters in indentation.';
    case 'indentation':
      return `Check the indentation here and above: the keys of one mapping share one indentation, deeper than the key they belong to, and every ${codeSpan('[')}, ${codeSpan('{')} or quote opened above is closed.`;
    case 'custom-tag':
      return `Remove the tag (the word starting with ${codeSpan('!')}): Sluice reads plain YAML values only.`;
    case 'complex-key':
      return `Write every key as plain text followed by a colon, such as ${codeSpan('label:')}.`;
    case 'other':
      return 'Correct the YAML at this position; an editor with the Sluice schema (see the config reference) underlines the exact spot.';
  }
}

/** The parser's sentence, continuing ours after a colon: `Tabs are…` → `tabs are…`. */
function sentenceTail(reason: string): string {
  const trimmed = reason.trim().replace(/\.$/, '');
  return trimmed.charAt(0).toLowerCase() + trimmed.slice(1);
}

function kilobytes(bytes: number): string {
  return `${Math.ceil(bytes / 1024)} KB`;
}
