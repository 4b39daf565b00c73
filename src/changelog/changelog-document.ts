import { fromMarkdown } from 'mdast-util-from-markdown';

type Root = ReturnType<typeof fromMarkdown>;
type MarkdownNode = Root | Root['children'][number];

/** Where a piece of the file starts and ends: UTF-16 offsets into the text, end exclusive. */
export interface Span {
  start: number;
  end: number;
}

/** One top-level Markdown block of a release section. */
export interface BlockSpan extends Span {
  /** `### Title` headings bound subsections; a list is what entries are appended to. */
  kind: 'subsection' | 'list' | 'other';
  /** The heading's text, for a subsection. */
  title: string;
}

export interface ReleaseBlock {
  /** `unreleased`, or the version without a leading `v`. */
  key: string;
  heading: Span;
  /** The next release heading, the link definitions that close the file, or its end. */
  end: number;
  blocks: BlockSpan[];
}

/**
 * CHANGELOG.md read as Markdown (CommonMark, as GitHub renders it), kept as spans of the
 * original text: an upsert splices its additions in and leaves every other byte as it was.
 * A `## [1.0.0]` inside a fenced block, an HTML block or a list is not a release heading.
 */
export interface ChangelogDocument {
  text: string;
  /** Level-2 headings at the top level (ATX or setext), in file order. */
  releases: ReleaseBlock[];
  /** Where the link reference definitions closing the file start, else its length. */
  footer: number;
  /** Anchors of the entries already written: in HTML comments anywhere, never in code. */
  anchors: Set<string>;
}

const RELEASE_NAME = /^\[?(?<name>[^\]\s]+)\]?/;
const ANCHOR = /<!-- sluice:(?<anchor>[\w.-]+) -->/g;

/** Seconds of CPU per megabyte (micromark): parsed once per upsert, whatever it adds. */
export function parseChangelogDocument(text: string): ChangelogDocument {
  const root = fromMarkdown(text);
  const nodes = root.children;
  let footerIndex = nodes.length;
  while (footerIndex > 0 && nodes[footerIndex - 1]?.type === 'definition') footerIndex--;
  const footerNode = nodes[footerIndex];
  const footer = footerNode === undefined ? text.length : spanOf(footerNode).start;
  const releases: ReleaseBlock[] = [];
  for (const node of nodes.slice(0, footerIndex)) {
    const span = spanOf(node);
    if (node.type === 'heading' && node.depth === 2) {
      const previous = releases.at(-1);
      if (previous) previous.end = span.start;
      const name = RELEASE_NAME.exec(textOf(node).trim())?.groups?.name ?? '';
      releases.push({ key: releaseKey(name), heading: span, end: footer, blocks: [] });
      continue;
    }
    releases.at(-1)?.blocks.push(blockOf(node, span));
  }
  return { text, releases, footer, anchors: collectAnchors(root) };
}

export function releaseKey(name: string): string {
  return name.toLowerCase() === 'unreleased' ? 'unreleased' : name.replace(/^v(?=\d)/, '');
}

function blockOf(node: MarkdownNode, span: Span): BlockSpan {
  if (node.type === 'heading' && node.depth === 3) {
    return { ...span, kind: 'subsection', title: textOf(node).trim() };
  }
  return { ...span, kind: node.type === 'list' ? 'list' : 'other', title: '' };
}

/** The words of a heading: `[1.2.0](…) - date` and `[1.2.0] - date` both read `1.2.0 …`. */
function textOf(node: MarkdownNode): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  return 'children' in node ? node.children.map((child) => textOf(child)).join('') : '';
}

function collectAnchors(root: Root): Set<string> {
  const anchors = new Set<string>();
  const visit = (node: MarkdownNode): void => {
    if (node.type === 'html') {
      for (const match of node.value.matchAll(ANCHOR)) anchors.add(match.groups?.anchor ?? '');
    } else if ('children' in node) node.children.forEach(visit);
  };
  visit(root);
  anchors.delete('');
  return anchors;
}

function spanOf(node: MarkdownNode): Span {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  // mdast-util-from-markdown positions every node it makes; a node without one is a bug there.
  if (start === undefined || end === undefined) throw new Error(`${node.type} has no position`);
  return { start, end };
}
