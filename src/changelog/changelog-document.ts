/**
 * CHANGELOG.md as blocks of lines, so an upsert touches only the lines it adds and a
 * parse-then-serialise of an untouched file gives back the same bytes.
 */
export interface ChangelogDocument {
  /** Everything before the first release heading (title, introduction), verbatim. */
  preamble: string[];
  releases: ReleaseBlock[];
}

export interface ReleaseBlock {
  heading: string;
  /** `unreleased`, or the version without a leading `v`. */
  key: string;
  /** The lines after the heading, up to the next release heading. */
  lines: string[];
}

const RELEASE_HEADING = /^## +\[?(?<name>[^\]\s]+)\]?/;
const ANCHOR = /<!-- sluice:(?<anchor>[\w.-]+) -->/g;

export function parseChangelogDocument(text: string): ChangelogDocument {
  const document: ChangelogDocument = { preamble: [], releases: [] };
  for (const line of text.split('\n')) {
    const name = RELEASE_HEADING.exec(line)?.groups?.name;
    if (name !== undefined) {
      document.releases.push({ heading: line, key: releaseKey(name), lines: [] });
      continue;
    }
    const current = document.releases[document.releases.length - 1];
    (current ? current.lines : document.preamble).push(line);
  }
  return document;
}

export function serializeChangelogDocument(document: ChangelogDocument): string {
  const lines = [...document.preamble];
  for (const release of document.releases) lines.push(release.heading, ...release.lines);
  return lines.join('\n');
}

export function releaseKey(name: string): string {
  return name.toLowerCase() === 'unreleased' ? 'unreleased' : name.replace(/^v(?=\d)/, '');
}

/** Anchors already in the file, wherever they are: a moved or edited entry is still known. */
export function readAnchors(text: string): Set<string> {
  return new Set([...text.matchAll(ANCHOR)].flatMap((m) => m.groups?.anchor ?? []));
}
