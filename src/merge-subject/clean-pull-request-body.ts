import { stripUnsafeCharacters } from './strip-unsafe-characters.js';

/**
 * Markers that end the part of a PR body worth keeping in history; PR templates put their
 * checklists below one. The scissors line is git's own (`git commit --cleanup=scissors`).
 */
export const DEFAULT_CUT_MARKERS: readonly string[] = [
  '<!-- sluice: cut -->',
  '------------------------ >8 ------------------------',
];

export interface BodyOptions {
  /** Defaults to `DEFAULT_CUT_MARKERS`; an empty list keeps the whole body. */
  cutMarkers?: readonly string[] | undefined;
  /** PR templates leave instructions in comments; defaults to true. */
  stripHtmlComments?: boolean | undefined;
}

/**
 * The PR body as it goes into the commit message: cut at the first marker, HTML comments
 * (template instructions) removed, unsafe characters gone, blank runs collapsed.
 */
export function cleanPullRequestBody(
  body: string | null | undefined,
  options: BodyOptions = {},
): string {
  const text = cutAtMarker(
    stripUnsafeCharacters(body ?? ''),
    options.cutMarkers ?? DEFAULT_CUT_MARKERS,
  );
  const stripped =
    options.stripHtmlComments === false ? text : text.replace(/<!--[\s\S]*?(?:-->|$)/g, '');
  return stripped
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function cutAtMarker(text: string, markers: readonly string[]): string {
  const wanted = markers.map(canonicalMarker).filter((marker) => marker.length > 0);
  const lines = text.split('\n');
  const cut = lines.findIndex((line) => wanted.includes(canonicalMarker(line)));
  return cut === -1 ? text : lines.slice(0, cut).join('\n');
}

/** Compares markers ignoring case and spacing, as people retype them by hand. */
function canonicalMarker(line: string): string {
  return line.replace(/\s+/g, '').toLowerCase();
}
