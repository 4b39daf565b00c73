import type { Scenario } from '../../test/e2e/support/scenario.js';
import { branchSha, openPull } from '../../test/e2e/support/pulls.js';
import { demoPulls, pushToBase, queueLabel } from './demo-repository.js';
import type { DemoEntry } from './check-outcome.js';

/**
 * The people's part: alice and bob open the five pull requests, bob pushes a change of his
 * own straight to main (the one #2 will conflict with), and the maintainer queues all five
 * in order. Returns the entries in queue order and main's tip before the queue moved.
 */
export async function queueDemoPulls(
  s: Scenario,
  say: (line: string) => void,
): Promise<{ entries: DemoEntry[]; baseBefore: string }> {
  const entries: DemoEntry[] = [];
  for (const [i, spec] of demoPulls.entries()) {
    const opened = await openPull(s, {
      title: spec.title,
      author: spec.author,
      branch: `demo/pull-${i + 1}`,
      files: spec.files,
    });
    entries.push({ spec, pull: { number: opened.number, title: spec.title, head: opened.head } });
    say(`${spec.author} opens #${opened.number} ${spec.title}`);
  }
  await s.repo.push({ branch: 'main', ...pushToBase });
  say(`${pushToBase.by} pushes "${pushToBase.message}" straight to main`);
  const baseBefore = await branchSha(s, 'main');
  if (baseBefore === undefined) throw new Error('the demo repository has no main branch');
  for (const { pull } of entries) await s.repo.label(pull.number, queueLabel, 'maintainer');
  const numbers = entries.map(({ pull }) => `#${pull.number}`).join(', ');
  say(`maintainer adds the ${queueLabel} label to ${numbers}, in that order`);
  return { entries, baseBefore };
}
