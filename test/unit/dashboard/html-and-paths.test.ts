import { describe, expect, it } from '@jest/globals';
import { html, raw } from '../../../src/dashboard/html/index.js';
import {
  entryActionPath,
  queueActionPath,
  queuePath,
  repoPath,
} from '../../../src/dashboard/html/paths.js';
import { commitUrl, pullUrl, sameServerUrl } from '../../../src/dashboard/github-links.js';

describe('html', () => {
  it('escapes every interpolation, in text and in attributes', () => {
    const value = `<a href="x" onclick='y'>&\``;
    expect(html`<p title="${value}">${value}</p>`.text).toBe(
      '<p title="&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&#96;">&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&#96;</p>',
    );
  });

  it('keeps nested templates and raw markup, joins arrays, and drops nothing-values', () => {
    // Not tagged `html` here, so that the formatter leaves the expected markup as written.
    const tag = html;
    const items = ['<1>', '2'].map((n) => tag`<li>${n}</li>`);
    const out = tag`<ul>${items}</ul>${null}${undefined}${false}${0}${raw('<hr>')}`;
    expect(out.text).toBe('<ul><li>&lt;1&gt;</li><li>2</li></ul>0<hr>');
  });

  it('refuses a value it cannot show as text rather than print [object Object]', () => {
    const date = new Date() as unknown as string;
    expect(() => html`${date}`).toThrow(TypeError);
  });
});

describe('paths', () => {
  const queue = { repo: 'acme/widgets', base: 'release/1.x' };

  it('encodes each segment, so a base branch with a slash stays one', () => {
    expect(repoPath('/sluice', 'acme/widgets')).toBe('/sluice/repos/acme/widgets');
    expect(queuePath('/sluice', queue)).toBe('/sluice/repos/acme/widgets/queues/release%2F1.x');
    expect(queueActionPath('/sluice', queue, 'pause')).toBe(
      '/sluice/repos/acme/widgets/queues/release%2F1.x/pause',
    );
    expect(entryActionPath('/sluice', { ...queue, base: 'a?b#c' }, 7, 'retry')).toBe(
      '/sluice/repos/acme/widgets/queues/a%3Fb%23c/entries/7/retry',
    );
  });
});

describe('links to GitHub', () => {
  it('are built only from an http(s) server and checked parts', () => {
    expect(pullUrl('https://github.com/', 'acme/widgets', 12)).toBe(
      'https://github.com/acme/widgets/pull/12',
    );
    expect(pullUrl('javascript:alert(1)', 'acme/widgets', 12)).toBeNull();
    expect(pullUrl('https://github.com', 'acme/../x', 12)).toBeNull();
    expect(pullUrl('https://github.com', 'acme/w"><x', 12)).toBeNull();
    expect(pullUrl('https://github.com', 'acme/widgets', 1.5)).toBeNull();
    expect(commitUrl('https://github.com', 'acme/widgets', 'not a sha')).toBeNull();
  });

  it('keep a stored URL only when it is a page of the same server', () => {
    const job = 'https://ghe.example.com/acme/widgets/actions/runs/1/job/2';
    expect(sameServerUrl('https://ghe.example.com', job)).toBe(job);
    expect(sameServerUrl('https://github.com', job)).toBeNull();
    expect(sameServerUrl('https://github.com', 'javascript:alert(1)//github.com')).toBeNull();
    expect(sameServerUrl('https://github.com', 42)).toBeNull();
  });
});
