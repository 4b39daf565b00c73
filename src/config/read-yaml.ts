import { constructFromEvents, EVENT_ID, parseEvents, YAMLException, type Event } from 'js-yaml';
import type { YamlProblem } from './types.js';
import { configLimits } from './config-limits.js';
import { classifyYamlSyntaxError } from './yaml-syntax-hint.js';

export type ReadYamlResult =
  | { ok: true; events: Event[]; value: unknown }
  | { ok: false; problem: YamlProblem; offset: number };

/**
 * Parses one YAML document with the limits hostile input needs. Events are kept because
 * they are the only record of where each value was written.
 */
export function readYaml(source: string, file: string): ReadYamlResult {
  let events: Event[];
  let documents: unknown[];
  try {
    events = parseEvents(source, { filename: file, maxDepth: configLimits.maxDepth });
    const recursiveAlias = findRecursiveAlias(events, source);
    if (recursiveAlias !== undefined) {
      return { ok: false, problem: { kind: 'recursive-alias' }, offset: recursiveAlias };
    }
    // The default CORE_SCHEMA: no `!!js/*` tags, no merge keys, plain objects.
    documents = constructFromEvents(events, { source, filename: file });
  } catch (error) {
    return { ok: false, ...describeParseFailure(error, source) };
  }
  if (documents.length > 1) {
    return {
      ok: false,
      problem: { kind: 'multiple-documents' },
      offset: findSecondDocument(source),
    };
  }
  return { ok: true, events, value: documents[0] ?? null };
}

function describeParseFailure(
  error: unknown,
  source: string,
): { problem: YamlProblem; offset: number } {
  if (!(error instanceof YAMLException)) {
    // js-yaml asks callers to catch everything; a non-YAML error still means unreadable input.
    const reason = error instanceof Error ? error.message : String(error);
    return { problem: { kind: 'yaml-syntax', reason, hint: 'other' }, offset: 0 };
  }
  const offset = error.mark?.position ?? 0;
  if (/maxDepth/.test(error.reason)) {
    return { problem: { kind: 'too-deep', limit: configLimits.maxDepth }, offset };
  }
  const lineStart = source.lastIndexOf('\n', Math.max(offset - 1, 0)) + 1;
  const lineEnd = source.indexOf('\n', lineStart);
  const lineText = source.slice(lineStart, lineEnd === -1 ? undefined : lineEnd);
  const hint = classifyYamlSyntaxError(error.reason, lineText);
  return { problem: { kind: 'yaml-syntax', reason: error.reason, hint }, offset };
}

/**
 * js-yaml throws a bare TypeError for `a: &x { b: *x }`; finding it first gives the user a
 * position and a reason instead.
 */
function findRecursiveAlias(events: readonly Event[], source: string): number | undefined {
  const openAnchors: Array<string | undefined> = [];
  const nameOf = (start: number, end: number) =>
    start >= 0 ? source.slice(start, end) : undefined;
  for (const event of events) {
    switch (event.type) {
      case EVENT_ID.DOCUMENT:
        openAnchors.push(undefined);
        break;
      case EVENT_ID.MAPPING:
      case EVENT_ID.SEQUENCE:
        openAnchors.push(nameOf(event.anchorStart, event.anchorEnd));
        break;
      case EVENT_ID.POP:
        openAnchors.pop();
        break;
      case EVENT_ID.ALIAS:
        if (openAnchors.includes(nameOf(event.anchorStart, event.anchorEnd)))
          return event.anchorStart - 1;
        break;
      case EVENT_ID.SCALAR:
        break;
    }
  }
  return undefined;
}

/** The line where a second document starts: a `---` after the first document's content. */
function findSecondDocument(source: string): number {
  let offset = 0;
  let seenContent = false;
  for (const line of source.split('\n')) {
    if (/^(---|\.\.\.)(\s|$)/.test(line) && seenContent) return offset;
    if (/^[^\s#%]/.test(line) && !line.startsWith('---')) seenContent = true;
    offset += line.length + 1;
  }
  return 0;
}
