import { describe, expect, it } from '@jest/globals';
import { buildQueueView } from '../../../src/dashboard/build-queue-view.js';
import { renderQueuePage } from '../../../src/dashboard/html/index.js';
import type { QueueView } from '../../../src/dashboard/queue-view.js';
import {
  aCheckRunRow,
  aFlake,
  ago,
  anEnded,
  anEndedStaging,
  anEntry,
  anEntryView,
  anInput,
  aPage,
  aQueueEvent,
  aQueueView,
  aStaging,
  minutes,
  shaOf,
} from './builders.js';
import {
  attributeValues,
  buttonNames,
  elements,
  linksByText,
  expectNothingTheCspForbids,
  openTags,
  textOf,
} from './html-probe.js';

const hostile = `<script>alert("x")</script> ' " javascript:alert(1) <img src=x onerror=alert(1)>`;

/** A page with a bit of everything: staged, blocked, high priority, history, flakes, days. */
function aBusyView(overrides: Partial<QueueView> = {}): QueueView {
  const view = buildQueueView(
    anInput({
      active: [
        anEntry({ number: 12, state: 'testing' }),
        anEntry({ number: 15, state: 'testing' }),
        anEntry({ number: 17, state: 'blocked', priority: 'high' }),
        anEntry({ number: 20 }),
      ],
      stagings: [aStaging(1, [12, 15])],
      checkRuns: [aCheckRunRow(12, 'Testing: 3 of 5 checks done')],
      ended: [
        anEnded(9, { kind: 'merged', at: ago(minutes(30)), detail: { staging: shaOf(9) } }),
        anEnded(8, {
          kind: 'dequeued',
          at: ago(minutes(90)),
          detail: {
            kind: 'checks-failed',
            verdicts: [
              {
                check: 'ci / test',
                class: 'test',
                reason: 'A test failed.',
                url: 'https://github.com/acme/widgets/actions/runs/1/job/2',
              },
            ],
          },
        }),
      ],
      queueEvents: [aQueueEvent({ at: ago(minutes(200)) })],
      flakes: [aFlake({ count: 3 })],
      endedStagings: [anEndedStaging(50, minutes(25))],
      titles: new Map([
        [12, 'feat: pagination'],
        [15, hostile],
      ]),
    }),
  );
  return { ...view, ...overrides };
}

describe('renderQueuePage', () => {
  it('heads the page with the repository and the base, and lists every entry in order', () => {
    const page = renderQueuePage(aBusyView(), aPage());
    expect(textOf(elements(page, 'h1')[0]!)).toBe('acme/widgets base branch ▸ main');
    const rows = elements(elements(page, 'tbody')[0]!, 'tr').map(textOf);
    expect(rows).toHaveLength(4);
    expect(rows[0]).toMatch(/^1 #17 .*High priority.*Blocked/);
    expect(rows[1]).toMatch(
      /^2 #12 feat: pagination .*Testing 1 of 1 with #15 Testing: 3 of 5 checks done since 12 min ago/,
    );
  });

  it('links each PR to its page on GitHub', () => {
    const links = linksByText(renderQueuePage(aBusyView(), aPage()));
    expect(links).toContainEqual({
      text: '#12 feat: pagination',
      href: 'https://github.com/acme/widgets/pull/12',
    });
  });

  it('escapes hostile titles and reasons everywhere', () => {
    const view = aBusyView({
      paused: {
        reason: hostile,
        by: { kind: 'operator', login: 'x"><b>' },
        since: ago(minutes(3)),
      },
    });
    const page = renderQueuePage(view, aPage({ notice: hostile }));
    expectNothingTheCspForbids(page);
    expect(openTags(page).filter((t) => t.name === 'img' || t.name === 'b')).toEqual([]);
    expect(page).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(textOf(page)).toContain(hostile);
  });

  it('builds links only from the server address and checked parts: never from a title or a stored URL', () => {
    const view = aBusyView({
      history: [
        {
          at: ago(minutes(1)),
          kind: 'dequeued',
          number: 3,
          reason: 'x',
          url: 'javascript:alert(1)',
        },
        {
          at: ago(minutes(2)),
          kind: 'dequeued',
          number: 4,
          reason: 'x',
          url: 'https://evil.example/',
        },
      ],
    });
    for (const href of attributeValues(renderQueuePage(view, aPage()), 'href'))
      expect(href).toMatch(/^(\/sluice\/|#main$|data:,$|https:\/\/github\.com\/acme\/widgets\/)/);
    const odd = renderQueuePage(aBusyView({ repo: 'acme/x"><script>' }), aPage());
    expect(attributeValues(odd, 'href').filter((h) => h.includes('/pull/'))).toEqual([]);
  });

  it('puts the session’s CSRF token in every form, and every form posts', () => {
    const page = renderQueuePage(aBusyView(), aPage());
    const forms = elements(page, 'form');
    expect(forms.length).toBeGreaterThan(4);
    for (const form of forms) {
      expect(openTags(form)[0]!.attributes.method).toBe('post');
      expect(openTags(form)).toContainEqual({
        name: 'input',
        attributes: { type: 'hidden', name: 'csrf', value: 'tok-123' },
      });
    }
  });

  it('offers Dequeue on every entry, Retry on blocked ones, and Pause', () => {
    const page = renderQueuePage(aBusyView(), aPage());
    expect(buttonNames(page)).toEqual([
      'Sign out',
      'Pause queue',
      'Retry #17',
      'Dequeue #17',
      'Dequeue #12',
      'Dequeue #15',
      'Dequeue #20',
    ]);
    expect(attributeValues(page, 'action')).toContain(
      '/sluice/repos/acme/widgets/queues/main/entries/170/retry',
    );
    expect(elements(page, 'label').map(textOf)).toEqual(['Reason']);
    expect(openTags(page).find((t) => t.attributes.for === 'pause-reason')?.name).toBe('label');
    expect(openTags(page).find((t) => t.attributes.id === 'pause-reason')).toEqual({
      name: 'input',
      attributes: expect.objectContaining({ name: 'reason', type: 'text', required: '' }),
    });
  });

  it('hides every steering control from someone who may not steer', () => {
    for (const page of [
      renderQueuePage(aBusyView(), aPage({ canSteer: false })),
      renderQueuePage(aBusyView(), aPage({ csrfToken: null })),
      renderQueuePage(aBusyView(), aPage({ user: null, csrfToken: null, canSteer: false })),
    ]) {
      expect(buttonNames(page).filter((name) => name !== 'Sign out')).toEqual([]);
      expect(page).not.toContain('Actions</th>');
    }
  });

  it('shows who paused the queue, why and since when, with a way to resume', () => {
    const view = aBusyView({
      paused: {
        reason: 'incident 42',
        by: { kind: 'operator', login: 'dave' },
        since: ago(minutes(180)),
      },
    });
    const page = renderQueuePage(view, aPage());
    const banner = elements(page, 'section')[0]!;
    expect(textOf(banner)).toMatch(/^Queue paused Paused by dave 3 h ago: incident 42/);
    expect(buttonNames(page)).toContain('Resume queue');
    expect(buttonNames(page)).not.toContain('Pause queue');
    expect(attributeValues(page, 'action')).toContain(
      '/sluice/repos/acme/widgets/queues/main/resume',
    );
  });

  it('cannot resume a freeze from the config: it says where the freeze lives', () => {
    const view = aBusyView({ paused: { reason: 'release', by: { kind: 'config' }, since: null } });
    const page = renderQueuePage(view, aPage());
    expect(textOf(page)).toContain("Frozen by the repository's configuration (queue.freeze)");
    expect(buttonNames(page)).not.toContain('Resume queue');
  });

  it('draws the charts as images with a title, a description and the numbers in a table', () => {
    const page = renderQueuePage(aBusyView(), aPage());
    const charts = elements(page, 'svg');
    expect(charts).toHaveLength(2);
    for (const chart of charts) {
      expect(openTags(chart)[0]!.attributes.role).toBe('img');
      const [title, desc] = /aria-labelledby="([^"]+)"/.exec(chart)![1]!.split(' ');
      expect(chart).toMatch(new RegExp(`<title id="${title}">[^<]+</title>`));
      expect(chart).toMatch(new RegExp(`<desc id="${desc}">[^<]+</desc>`));
    }
    expect(textOf(charts[0]!)).toContain('Pull requests merged per day');
    expect(elements(page, 'caption').map(textOf)).toContain(
      'Merged and dequeued pull requests and median time to merge per day (UTC), oldest first',
    );
  });

  it('has no script, no inline style or handler, unique ids, and a scope on every header cell', () => {
    const page = renderQueuePage(aBusyView(), aPage({ notice: 'Queue paused.' }));
    expectNothingTheCspForbids(page);
    const ids = attributeValues(page, 'id');
    expect(new Set(ids).size).toBe(ids.length);
    const headers = openTags(page).filter((t) => t.name === 'th');
    expect(headers.length).toBeGreaterThan(10);
    for (const th of headers) expect(th.attributes.scope).toMatch(/^(col|row)$/);
    for (const table of elements(page, 'table')) expect(table).toContain('<caption');
  });

  it('has a skip link to the main content and shows a notice as a status', () => {
    const page = renderQueuePage(aBusyView(), aPage({ notice: 'Queue paused.' }));
    expect(linksByText(page)[0]).toEqual({ text: 'Skip to content', href: '#main' });
    expect(openTags(page).find((t) => t.attributes.id === 'main')?.name).toBe('main');
    const status = elements(page, 'p').find((p) => openTags(p)[0]!.attributes.role === 'status');
    expect(textOf(status!)).toBe('Queue paused.');
  });

  it('says so when nothing is queued, and when there is nothing to estimate from', () => {
    const page = renderQueuePage(aQueueView(), aPage());
    expect(textOf(page)).toContain('No pull requests are queued.');
    expect(textOf(page)).toContain('no CI duration known yet');
    const unknown = renderQueuePage(aQueueView({ entries: [anEntryView({ number: 1 })] }), aPage());
    expect(textOf(elements(unknown, 'tbody')[0]!)).toContain('No estimate');
  });

  it('keeps a base branch with a slash one path segment', () => {
    const page = renderQueuePage(
      aQueueView({ base: 'release/1.x', entries: [anEntryView({ number: 1 })] }),
      aPage(),
    );
    expect(attributeValues(page, 'action')).toEqual([
      '/sluice/logout',
      '/sluice/repos/acme/widgets/queues/release%2F1.x/pause',
      '/sluice/repos/acme/widgets/queues/release%2F1.x/entries/10/dequeue',
    ]);
  });
});
