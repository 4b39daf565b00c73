import { describe, expect, it } from '@jest/globals';
import { renderQueueText } from '../../../src/dashboard/text/render-queue-text.js';
import { ago, anEntryView, aQueueView, minutes, now } from './builders.js';

const view = aQueueView({
  medianStagingMinutes: 24,
  paused: { reason: 'incident', by: { kind: 'operator', login: 'dave' }, since: ago(minutes(120)) },
  entries: [
    anEntryView({
      number: 12,
      position: 1,
      state: 'testing',
      title: 'feat: pagination',
      staging: { id: 1, position: 1, of: 2, prs: [15], sha: null, probe: false },
      waitingOn: { text: 'Testing: 3 of 5 checks', since: ago(minutes(4)) },
      eta: new Date(now.getTime() + minutes(20)),
    }),
    anEntryView({ number: 9, position: 2, priority: 'high', state: 'blocked', title: 'fix' }),
  ],
  history: [
    { at: ago(minutes(30)), kind: 'landed', number: 7, reason: 'Landed as abc1234' },
    { at: ago(minutes(60)), kind: 'dequeued', number: 6, gateClass: 'test', reason: 'ci failed' },
    { at: ago(minutes(120)), kind: 'paused', by: 'dave', reason: 'incident' },
  ],
});

describe('renderQueueText', () => {
  it('prints the queue as an aligned table with the pause and the latest history', () => {
    expect(renderQueueText(view, { color: false, now })).toMatchInlineSnapshot(`
     "acme/widgets ▸ main  2 queued · CI ~24 min
     PAUSED by dave 2 h ago: incident

     #  PR                      STATE    STAGING          WAITING ON                          ETA
     1  #12 feat: pagination    Testing  1 of 2 with #15  Testing: 3 of 5 checks (4 min ago)  in ~20 min
     2  #9 fix [high priority]  Blocked  -                -                                   -

     Recent
       30 min ago  #7     Landed    Landed as abc1234
       1 h ago     #6     Dequeued  [test] ci failed
       2 h ago     queue  Paused    incident (by dave)
     "
    `);
  });

  it('has no escape codes without colour, even from a hostile title', () => {
    const hostile = aQueueView({
      entries: [
        anEntryView({ number: 1, title: 'evil \u001b[2J\u001b]8;;http://x\u0007title\u009b31m' }),
      ],
      history: [{ at: ago(minutes(1)), kind: 'dequeued', number: 1, reason: 'x\u001b[31my' }],
    });
    const text = renderQueueText(hostile, { color: false, now });
    // eslint-disable-next-line no-control-regex -- looking for control characters is the point
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(text).toContain('evil [2J ]8;;http://x title 31m');
  });

  it('colours states when asked, keeping the columns aligned', () => {
    const colored = renderQueueText(view, { color: true, now });
    expect(colored).toContain('\u001b[');
    // eslint-disable-next-line no-control-regex -- stripping the codes is the point
    expect(colored.replace(/\u001b\[\d+m/g, '')).toBe(renderQueueText(view, { color: false, now }));
  });

  it('says when nothing is queued', () => {
    expect(renderQueueText(aQueueView(), { color: false, now })).toContain(
      'No pull requests are queued.',
    );
  });
});
