import { EVENT_ID, getScalarValue, SCALAR_STYLE, type Event } from 'js-yaml';
import type { LocatedNode, Position } from './types.js';
import { createPositionFinder } from './find-position.js';

interface Frame {
  node: LocatedNode;
  /** `ignored`: a complex key or a later document, whose values nobody looks up. */
  kind: 'document' | 'mapping' | 'sequence' | 'ignored';
  /** Mappings alternate key, value; this holds the key between the two. */
  pendingKey?: { name: string; position: Position | undefined };
  nextIndex: number;
}

/**
 * Rebuilds where every key and value of the first document was written, from js-yaml's
 * event stream (its constructed values carry no positions). Keys that are not plain
 * scalars are skipped: the constructor rejects them anyway.
 */
export function indexYamlLocations(
  events: readonly Event[],
  source: string,
  file: string,
): LocatedNode {
  const find = createPositionFinder(source);
  const at = (offset: number) => (offset >= 0 ? find(offset) : undefined);
  const root: LocatedNode = { file, value: { line: 1, column: 1 }, children: new Map() };
  const stack: Frame[] = [];
  let documents = 0;
  for (const event of events) {
    const frame = stack.at(-1);
    switch (event.type) {
      case EVENT_ID.DOCUMENT:
        documents++;
        stack.push({
          node: root,
          kind: documents === 1 ? 'document' : 'ignored',
          nextIndex: 0,
        });
        break;
      case EVENT_ID.POP:
        stack.pop();
        break;
      case EVENT_ID.SCALAR:
      case EVENT_ID.ALIAS:
      case EVENT_ID.MAPPING:
      case EVENT_ID.SEQUENCE: {
        if (frame === undefined) break;
        const start = startOf(event);
        if (frame.kind === 'mapping' && frame.pendingKey === undefined) {
          const name = event.type === EVENT_ID.SCALAR ? getScalarValue(source, event) : undefined;
          frame.pendingKey = { name: name ?? '', position: at(start) };
          if (event.type === EVENT_ID.MAPPING || event.type === EVENT_ID.SEQUENCE) {
            stack.push({ node: frame.node, kind: 'ignored', nextIndex: 0 });
          }
          break;
        }
        const node = placeValue(frame, at(start));
        if (event.type === EVENT_ID.MAPPING || event.type === EVENT_ID.SEQUENCE) {
          stack.push({
            node,
            kind: event.type === EVENT_ID.MAPPING ? 'mapping' : 'sequence',
            nextIndex: 0,
          });
        }
        break;
      }
    }
  }
  return root;
}

function placeValue(frame: Frame, position: Position | undefined): LocatedNode {
  const { node: parent } = frame;
  switch (frame.kind) {
    case 'document':
      if (position !== undefined) parent.value = position;
      return parent;
    case 'ignored':
      return { file: parent.file, children: new Map() };
    case 'sequence': {
      const child: LocatedNode = { file: parent.file, value: position, children: new Map() };
      parent.children.set(String(frame.nextIndex++), child);
      return child;
    }
    case 'mapping': {
      const key = frame.pendingKey;
      frame.pendingKey = undefined;
      const child: LocatedNode = {
        file: parent.file,
        key: key?.position,
        value: position,
        children: new Map(),
      };
      parent.children.set(key?.name ?? '', child);
      return child;
    }
  }
}

/** Where a node begins as a reader sees it: its anchor or tag comes before its content. */
function startOf(event: Exclude<Event, { type: 1 | 6 }>): number {
  if (event.type === EVENT_ID.ALIAS) return event.anchorStart - 1;
  // A quoted scalar's value starts after its quote; the reader looks for the quote.
  const quoted =
    event.type === EVENT_ID.SCALAR &&
    (event.style === SCALAR_STYLE.SINGLE_QUOTED || event.style === SCALAR_STYLE.DOUBLE_QUOTED);
  const content =
    event.type === EVENT_ID.SCALAR ? event.valueStart - (quoted ? 1 : 0) : event.start;
  const candidates = [event.anchorStart - 1, event.tagStart, content].filter(
    (offset) => offset >= 0,
  );
  return candidates.length === 0 ? -1 : Math.min(...candidates);
}
