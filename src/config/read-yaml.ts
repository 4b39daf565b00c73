import {
  Composer,
  Lexer,
  LineCounter,
  Parser,
  type CST,
  type Document,
  type DocumentOptions,
  type ParseOptions,
  type SchemaOptions,
} from 'yaml';
import type { LocatedNode, Position, YamlProblem } from './types.js';
import { configLimits } from './config-limits.js';
import { describeYamlError } from './describe-yaml-error.js';
import { indexYamlDocument } from './index-yaml-document.js';

export type ReadYamlResult =
  | { ok: true; value: unknown; locations: LocatedNode }
  | { ok: false; problem: YamlProblem; position: Position; keyPath?: string };

/**
 * YAML 1.2 whatever the file's `%YAML` directive says: `yes` is text, `<<` an ordinary key.
 * Keys are text (a `[a, b]` key is an error, not a stringified list), so `1:` and `"1":`
 * are the same key and `uniqueKeys` (on by default) refuses the second.
 */
const options: ParseOptions & DocumentOptions & SchemaOptions = {
  version: '1.2',
  schema: 'core',
  merge: false,
  // `!!binary`, `!!set`, `!!timestamp`...: tags the settings never use are refused.
  resolveKnownTags: false,
  stringKeys: true,
  uniqueKeys: true,
  // Problems are returned; nothing is printed.
  logLevel: 'error',
};

/**
 * Reads one YAML document into plain values and the position of each, with the limits
 * hostile input needs.
 */
export function readYaml(source: string, file: string): ReadYamlResult {
  // Editors do not show a byte-order mark, so columns are counted without it.
  const text = source.startsWith('\uFEFF') ? source.slice(1) : source;
  const lines = new LineCounter();
  const at = (offset: number): Position => {
    const { line, col } = lines.linePos(offset);
    return { line: Math.max(line, 1), column: Math.max(col, 1) };
  };
  const composed = composeDocuments(text, lines);
  if (!composed.ok) {
    const problem = { kind: 'too-deep', limit: configLimits.maxDepth } as const;
    return { ok: false, problem, position: at(composed.offset) };
  }
  const [document, second] = composed.documents;
  if (second !== undefined) {
    return { ok: false, problem: { kind: 'multiple-documents' }, position: at(second.range[0]) };
  }
  if (document === undefined) return { ok: true, value: null, locations: emptyLocations(file) };
  const error = describeYamlError(document, { text, at });
  if (error !== undefined) return { ok: false, ...error };
  const indexed = indexYamlDocument(document, { file, at });
  if (!indexed.ok) return { ok: false, problem: indexed.problem, position: at(indexed.offset) };
  try {
    const value: unknown = document.toJS({ maxAliasCount: configLimits.maxAliasCount });
    return { ok: true, value, locations: indexed.locations };
  } catch (thrown) {
    // Unresolved and recursive aliases were refused above: what is left is the alias limit.
    if (!(thrown instanceof ReferenceError)) throw thrown;
    return {
      ok: false,
      problem: { kind: 'alias-expansion', limit: configLimits.maxAliasCount },
      position: at(indexed.firstAlias ?? 0),
    };
  }
}

type Composed = { ok: true; documents: Document.Parsed[] } | { ok: false; offset: number };

/**
 * `parseAllDocuments`, one lexeme at a time so that nesting past the limit stops the parser
 * early: a 64 KB run of `[` takes its parser seconds, and its recursive composer the stack.
 * The parser's stack holds the document, each open collection and at most one scalar.
 */
function composeDocuments(text: string, lines: LineCounter): Composed {
  const parser = new Parser(lines.addNewLine);
  lines.addNewLine(0);
  const tokens: CST.Token[] = [];
  for (const lexeme of new Lexer().lex(text)) {
    const offset = parser.offset;
    tokens.push(...parser.next(lexeme));
    if (parser.stack.length > configLimits.maxDepth + 2) return { ok: false, offset };
  }
  tokens.push(...parser.end());
  const composer = new Composer(options);
  return { ok: true, documents: Array.from(composer.compose(tokens, true, text.length)) };
}

function emptyLocations(file: string): LocatedNode {
  return { file, value: { line: 1, column: 1 }, children: new Map() };
}
