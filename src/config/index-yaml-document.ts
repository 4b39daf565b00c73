import { isAlias, isMap, isNode, isScalar, isSeq, type Document, type Node } from 'yaml';
import type { LocatedNode, Position, YamlProblem } from './types.js';
import { configLimits } from './config-limits.js';

export type IndexYamlResult =
  | { ok: true; locations: LocatedNode; firstAlias: number | undefined }
  | { ok: false; problem: YamlProblem; offset: number };

interface Walk {
  file: string;
  at: (offset: number) => Position;
  /** The last node written with each anchor so far: what an alias at this point means. */
  anchors: Map<string, Node>;
  /** The mappings and lists the walk is inside. */
  open: Node[];
  firstAlias: number | undefined;
}

type Refusal = { problem: YamlProblem; offset: number } | undefined;

/**
 * Where every key and value of `document` was written, mirroring the values `toJS` builds
 * from it, so errors can point at lines. Also what the parser leaves to its caller: an
 * alias must name an anchor written above it and not one it sits inside (which would
 * repeat forever), and nesting must stay within the limit. Aliases are leaves here: a
 * problem below one is shown at the alias.
 */
export function indexYamlDocument(
  document: Document.Parsed,
  context: { file: string; at: (offset: number) => Position },
): IndexYamlResult {
  const { file } = context;
  const walk: Walk = { ...context, anchors: new Map(), open: [], firstAlias: undefined };
  const { contents } = document;
  const root: LocatedNode = {
    file,
    value: positionOf(contents, walk) ?? { line: 1, column: 1 },
    children: new Map(),
  };
  const refusal = visitNode(contents, root, walk);
  if (refusal !== undefined) return { ok: false, ...refusal };
  return { ok: true, locations: root, firstAlias: walk.firstAlias };
}

function visitNode(node: unknown, located: LocatedNode, walk: Walk): Refusal {
  if (isAlias(node)) {
    const offset = node.range?.[0] ?? 0;
    walk.firstAlias ??= offset;
    const target = walk.anchors.get(node.source);
    if (target === undefined)
      return { problem: { kind: 'undefined-alias', alias: node.source }, offset };
    if (walk.open.includes(target)) return { problem: { kind: 'recursive-alias' }, offset };
    return undefined;
  }
  if (!isNode(node)) return undefined;
  if (node.anchor !== undefined) walk.anchors.set(node.anchor, node);
  if (!isMap(node) && !isSeq(node)) return undefined;
  if (walk.open.length >= configLimits.maxDepth) {
    return {
      problem: { kind: 'too-deep', limit: configLimits.maxDepth },
      offset: node.range?.[0] ?? 0,
    };
  }
  walk.open.push(node);
  const refusal = isMap(node)
    ? visitPairs(node.items, located, walk)
    : visitItems(node.items, located, walk);
  walk.open.pop();
  return refusal;
}

function visitPairs(
  pairs: ReadonlyArray<{ key: unknown; value: unknown }>,
  parent: LocatedNode,
  walk: Walk,
): Refusal {
  for (const { key, value } of pairs) {
    // `stringKeys` leaves only scalar keys; anything else was refused as a syntax error.
    if (!isScalar(key)) continue;
    if (key.anchor !== undefined) walk.anchors.set(key.anchor, key);
    const child: LocatedNode = {
      file: parent.file,
      key: positionOf(key, walk),
      value: positionOf(value, walk),
      children: new Map(),
    };
    parent.children.set(String(key.value), child);
    const refusal = visitNode(value, child, walk);
    if (refusal !== undefined) return refusal;
  }
  return undefined;
}

function visitItems(items: readonly unknown[], parent: LocatedNode, walk: Walk): Refusal {
  for (const [index, item] of items.entries()) {
    const child: LocatedNode = {
      file: parent.file,
      value: positionOf(item, walk),
      children: new Map(),
    };
    parent.children.set(String(index), child);
    const refusal = visitNode(item, child, walk);
    if (refusal !== undefined) return refusal;
  }
  return undefined;
}

/** Where `node`'s content starts; undefined for an empty value (`label:`), shown at its key. */
function positionOf(node: unknown, walk: Walk): Position | undefined {
  if (!isNode(node) || node.range === undefined || node.range === null) return undefined;
  const [start, end] = node.range;
  if (isScalar(node) && start === end) return undefined;
  return walk.at(start);
}
