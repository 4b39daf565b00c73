import { clipText, inlineCode, toOneLine } from './markdown.js';

// Past a screenful of paths the list stops helping; `git status` shows the rest.
const maxListedFiles = 20;
// A title is one line: a few names say enough, the summary lists the rest.
const maxTitleFiles = 2;
const maxTitleFileLength = 60;

/** "a", "a and b", "a, b and c": how a sentence lists things. */
export function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;
}

/**
 * Pull requests as GitHub references (`#9`), which GitHub links in markdown and which read
 * the same in a plain title: "#9, #11 and 4 more".
 */
export function pullRequestList(prs: readonly number[], max = 5): string {
  const refs = prs.map((pr) => `#${pr}`);
  // "and 1 more" takes the room of the one it hides.
  if (refs.length <= max + 1) return joinAnd(refs);
  return `${refs.slice(0, max).join(', ')} and ${refs.length - max} more`;
}

/** Files for a plain title: the first few, clipped, and how many more ("a, b and 28 more files"). */
export function fileListTitle(files: readonly string[]): string {
  const names = files.map((file) => clipText(toOneLine(file), maxTitleFileLength));
  if (names.length <= maxTitleFiles + 1) return joinAnd(names);
  return `${names.slice(0, maxTitleFiles).join(', ')} and ${names.length - maxTitleFiles} more files`;
}

/** Files as a markdown list of inline code, capped with how many more there are. */
export function fileListMarkdown(files: readonly string[]): string {
  const listed = files.slice(0, maxListedFiles).map((file) => `- ${inlineCode(file)}`);
  const more = files.length - listed.length;
  return (more > 0 ? [...listed, `- and ${more} more`] : listed).join('\n');
}

/** "this file" or "these 3 files", for the sentence before a file list. */
export function filesNoun(count: number): string {
  return count === 1 ? 'this file' : `these ${count} files`;
}
