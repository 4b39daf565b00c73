const START = '<!-- sluice:release-notes:start -->';
const END = '<!-- sluice:release-notes:end -->';

/**
 * The release body with Sluice's notes in place: only the part between the markers is
 * Sluice's, so text a maintainer wrote around it survives every later run.
 */
export function mergeReleaseNotes(existing: string, notes: string): string {
  const block = `${START}\n${notes.trim()}\n${END}`;
  const start = existing.indexOf(START);
  const end = existing.indexOf(END, start);
  if (start !== -1 && end !== -1) {
    return existing.slice(0, start) + block + existing.slice(end + END.length);
  }
  const kept = existing.trim();
  return kept === '' ? block : `${kept}\n\n${block}`;
}
