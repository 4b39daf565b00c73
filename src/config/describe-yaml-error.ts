import { visit, type Document, type YAMLError } from 'yaml';
import type { Position, YamlProblem } from './types.js';
import { configLimits } from './config-limits.js';
import { findDuplicateKey } from './find-duplicate-key.js';
import { hintForYamlError } from './yaml-syntax-hint.js';

export interface LocatedYamlProblem {
  problem: YamlProblem;
  position: Position;
  keyPath?: string;
}

/**
 * The first of `yaml`'s errors in reading order, as a problem at the place a reader has to
 * change; undefined when there is none. Warnings count too: the ones a config can cause
 * are unresolved tags and directives, and guessing past either is not safe.
 */
export function describeYamlError(
  document: Document.Parsed,
  source: { text: string; at: (offset: number) => Position },
): LocatedYamlProblem | undefined {
  const { text, at } = source;
  const error = firstError(document);
  if (error === undefined) return undefined;
  const [start, end] = error.pos;
  const duplicate = error.code === 'DUPLICATE_KEY' ? findDuplicateKey(document, start) : undefined;
  if (duplicate !== undefined) {
    const { keyPath, firstOffset } = duplicate;
    const problem = { kind: 'duplicate-key', keyPath, firstLine: at(firstOffset).line } as const;
    return { problem, position: at(start), keyPath };
  }
  // The composer's way of saying it ran out of stack.
  if (error.code === 'RESOURCE_EXHAUSTION') {
    return { problem: { kind: 'too-deep', limit: configLimits.maxDepth }, position: at(start) };
  }
  const offset =
    error.code === 'MULTILINE_IMPLICIT_KEY'
      ? lineContentStart(text, end)
      : error.code === 'MISSING_CHAR'
        ? (openingQuote(document, start) ?? start)
        : start;
  const hint = hintForYamlError(error.code);
  return { problem: { kind: 'yaml-syntax', reason: error.message, hint }, position: at(offset) };
}

function firstError(document: Document.Parsed): YAMLError | undefined {
  const errors = [...document.errors, ...document.warnings].sort((a, b) => a.pos[0] - b.pos[0]);
  const first = errors[0];
  // `label: x` above an over-indented line reads as a key spanning both lines: that error
  // says so and ends on the line to fix, where the one beside it at the same spot does not.
  return (
    errors.find((e) => e.code === 'MULTILINE_IMPLICIT_KEY' && e.pos[0] === first?.pos[0]) ?? first
  );
}

/**
 * An unclosed quote is reported where the text runs out, often lines below; the quote
 * that was never closed is what the reader has to find.
 */
function openingQuote(document: Document.Parsed, offset: number): number | undefined {
  let start: number | undefined;
  visit(document, {
    Scalar(_key, node) {
      const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
      const [from, , to] = node.range ?? [0, 0, 0];
      if (!quoted || from >= offset || to < offset) return undefined;
      start = from;
      return visit.BREAK;
    },
  });
  return start;
}

/** The first character that is not a space on the line holding `offset`. */
function lineContentStart(text: string, offset: number): number {
  const lineStart = text.lastIndexOf('\n', Math.max(offset - 1, 0)) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart, offset))?.[0].length ?? 0;
  return lineStart + indent;
}
