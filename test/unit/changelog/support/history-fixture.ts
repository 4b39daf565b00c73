/**
 * A history fixture: commits described as text, so a golden test reads like a `git log`.
 *
 *   == commit [@label]       a commit on the current branch; its message follows
 *   == merge BRANCH [@label] a merge of BRANCH into main; its message follows
 *   == branch NAME           later commits go to NAME, started from main's tip
 *   == main                  later commits go to main again
 *   == tag NAME              tags main's tip
 *   == range FROM..TO        the range the golden output covers (default: the CLI's)
 *
 * Lines starting with `#` before the first directive are comments. `{sha:label}` in a
 * message becomes the full hash of an earlier commit (for `This reverts commit …`).
 */
export type HistoryStep =
  | { kind: 'commit'; label: string | undefined; message: string }
  | { kind: 'merge'; branch: string; label: string | undefined; message: string }
  | { kind: 'branch'; name: string }
  | { kind: 'main' }
  | { kind: 'tag'; name: string };

export interface HistoryFixture {
  steps: HistoryStep[];
  range: { from: string; to: string } | undefined;
}

export function parseHistoryFixture(text: string): HistoryFixture {
  const fixture: HistoryFixture = { steps: [], range: undefined };
  let message: string[] | undefined;
  const finish = () => {
    const step = fixture.steps[fixture.steps.length - 1];
    if (message && step && (step.kind === 'commit' || step.kind === 'merge')) {
      step.message = message.join('\n').trim();
    }
    message = undefined;
  };
  for (const line of text.split('\n')) {
    const directive = /^== (\w+)(?: (.*))?$/.exec(line);
    if (!directive) {
      if (message) message.push(line);
      continue;
    }
    finish();
    const [, kind, rest = ''] = directive;
    const [first = '', second] = rest.split(/\s+/);
    const label = (word: string | undefined) => word?.replace(/^@/, '') || undefined;
    if (kind === 'commit') fixture.steps.push({ kind, label: label(first), message: '' });
    else if (kind === 'merge')
      fixture.steps.push({ kind, branch: first, label: label(second), message: '' });
    else if (kind === 'branch') fixture.steps.push({ kind, name: first });
    else if (kind === 'main') fixture.steps.push({ kind });
    else if (kind === 'tag') fixture.steps.push({ kind, name: first });
    else if (kind === 'range') {
      const [from = '', to = ''] = first.split('..');
      fixture.range = { from, to };
    } else throw new Error(`unknown fixture directive "${line}"`);
    if (kind === 'commit' || kind === 'merge') message = [];
  }
  finish();
  return fixture;
}
