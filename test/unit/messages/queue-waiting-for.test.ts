import { describe, expect, it } from '@jest/globals';
import { renderEntryCheckRun } from '../../../src/messages/index.js';
import type { EntryStatus } from '../../../src/queue/describe-queue.js';
import { aContext, aWaiting, readable, showCheckRun } from './builders.js';
import { liveMentions } from './markdown-checks.js';

type Waiting = Extract<EntryStatus, { kind: 'waiting' }>;

const thirtyFiles = Array.from({ length: 30 }, (_, i) => `src/f${i + 1}.ts`);
const hostileFile = '`a`](http://x) @everyone';

function waiting(overrides: Partial<Omit<Waiting, 'kind'>>): Waiting {
  return aWaiting({ position: 3, queueLength: 5, ...overrides });
}

function conflicts(prs: number[], files: string[]): Waiting['waitingFor'] {
  return { prs, files, empty: false };
}

function render(status: Waiting) {
  return renderEntryCheckRun({ pr: 7, headSha: 'a'.repeat(40), status }, aContext());
}

describe('the Sluice check run of a pull request waiting for others ahead of it', () => {
  it.each<[string, Waiting, string, string[]]>([
    [
      'names the pull request and the file it conflicts in',
      waiting({ waitingFor: conflicts([9], ['src/x.ts']) }),
      'Waiting for #9 to land (conflicts in src/x.ts)',
      [
        'Number 3 of 5 in the merge queue for `main` when this was written. It conflicts with #9, ahead of it in the queue, in this file:',
        '- `src/x.ts`',
        'it waits until #9 has landed or left the queue, then Sluice tries it again on `main`',
        'If it still conflicts then, it leaves the queue, and you can rebase it onto `main`',
        'keeps its place without holding up the pull requests behind it',
      ],
    ],
    [
      'lists several pull requests and files',
      waiting({ waitingFor: conflicts([9, 11], ['src/x.ts', 'src/y.ts', 'lib/z.ts']) }),
      'Waiting for #9 and #11 to land (conflicts in src/x.ts, src/y.ts and lib/z.ts)',
      [
        'It conflicts with #9 and #11, ahead of it in the queue, in these 3 files:',
        'until they have landed',
      ],
    ],
    [
      'says it conflicts when no file is known',
      waiting({ waitingFor: conflicts([9, 11], []) }),
      'Waiting for #9 and #11 to land (conflicts with them)',
      ['It conflicts with #9 and #11, ahead of it in the queue.', 'cannot build it on top of them'],
    ],
    [
      'counts the pull requests past the first few in the title',
      waiting({ waitingFor: conflicts([1, 2, 3, 4, 5, 6], ['a.ts']) }),
      'Waiting for #1, #2, #3 and 3 more to land (conflicts in a.ts)',
      ['It conflicts with #1, #2, #3, #4, #5 and #6, ahead'],
    ],
    [
      'lists four pull requests rather than hide one',
      waiting({ waitingFor: conflicts([1, 2, 3, 4], []) }),
      'Waiting for #1, #2, #3 and #4 to land (conflicts with them)',
      ['It conflicts with #1, #2, #3 and #4, ahead'],
    ],
    [
      'cuts thirty files to a few in the title and twenty in the list',
      waiting({ waitingFor: conflicts([9], thirtyFiles) }),
      'Waiting for #9 to land (conflicts in src/f1.ts, src/f2.ts and 28 more files)',
      ['in these 30 files:', '- `src/f20.ts`\n- and 10 more'],
    ],
    [
      'says when the pull requests ahead already carry its changes',
      waiting({ waitingFor: { prs: [9], files: [], empty: true } }),
      'Waiting for #9 to land (#9 already carries its changes)',
      [
        'Squashed on top of #9, ahead of it in the queue, this pull request changes nothing: #9 already carries its changes.',
        'if `main` has its changes by then, it leaves the queue with nothing to merge',
        'If it only repeats #9, you can close it.',
      ],
    ],
    [
      'waits its turn while its failed batch is bisected',
      waiting({ bisecting: { batchSize: 4 } }),
      'Bisecting a failed batch of 4: waiting for its turn',
      [
        'It was in a batch of 4 pull requests that failed its required checks.',
        'only with others from the same batch',
      ],
    ],
    [
      'names what a person can act on first and still tells the conflict',
      waiting({ hold: { kind: 'draft' }, waitingFor: conflicts([9], ['src/x.ts']) }),
      'Waiting: draft pull request',
      [
        'It is a draft;',
        'It conflicts with #9, ahead of it in the queue, in this file:',
        '- `src/x.ts`',
      ],
    ],
    [
      'tells the conflict first and the bisection after it',
      waiting({ waitingFor: conflicts([9], ['src/x.ts']), bisecting: { batchSize: 4 } }),
      'Waiting for #9 to land (conflicts in src/x.ts)',
      ['It was in a batch of 4 pull requests'],
    ],
  ])('%s', (_name, status, title, parts) => {
    const run = render(status);
    expect(run.status).toBe('queued');
    expect(run.title).toBe(title);
    for (const part of parts) expect(run.summary).toContain(part);
  });

  it('lists no file past the twentieth', () => {
    const run = render(waiting({ waitingFor: conflicts([9], thirtyFiles) }));
    expect(run.summary.match(/^- `/gm)).toHaveLength(20);
    expect(run.summary).not.toContain('src/f21.ts');
  });

  it('keeps a hostile file name from linking or mentioning anyone', () => {
    const run = render(waiting({ waitingFor: conflicts([9], [hostileFile, 'src/x.ts']) }));
    expect(readable(run.summary)).toContain('- `` `a`](http://x) @{zwsp}everyone ``\n- `src/x.ts`');
    expect(liveMentions(run.summary)).toEqual([]);
    expect(readable(run.title)).toBe(
      'Waiting for #9 to land (conflicts in `a`](http://x) @{zwsp}everyone and src/x.ts)',
    );
  });

  it('keeps a file name with line breaks on one line of the title and the list', () => {
    const run = render(waiting({ waitingFor: conflicts([9], ['a\n# b\r\n@c']) }));
    expect(run.title).not.toMatch(/[\r\n]/);
    expect(readable(run.summary)).toContain('- `a # b @{zwsp}c`');
  });

  it('tells the whole story of a conflict with a pull request ahead', () => {
    expect(
      showCheckRun(render(waiting({ waitingFor: conflicts([9, 11], ['src/x.ts', 'src/y.ts']) }))),
    ).toMatchInlineSnapshot(`
     "[queued] Waiting for #9 and #11 to land (conflicts in src/x.ts and src/y.ts)
     buttons: Dequeue; annotations: 0
     --- summary
     Number 3 of 5 in the merge queue for \`main\` when this was written. It conflicts with #9 and #11, ahead of it in the queue, in these 2 files:

     - \`src/x.ts\`
     - \`src/y.ts\`

     Sluice cannot build it on top of them, so it waits until they have landed or left the queue, then Sluice tries it again on \`main\`. If it still conflicts then, it leaves the queue, and you can rebase it onto \`main\`, resolve the conflicts and queue it again. Until then it keeps its place without holding up the pull requests behind it.

     To take it out of the queue, remove the \`merge-queue\` label, comment \`/sluice dequeue\` or press **Dequeue**."
    `);
  });
});
