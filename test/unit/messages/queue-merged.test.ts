import { describe, expect, it } from '@jest/globals';
import { renderMergedCheckRun, renderMergedComment } from '../../../src/messages/index.js';
import { readable, showCheckRun, stagingSha } from './builders.js';

const landed = {
  pr: 12,
  stagingSha,
  baseBranch: 'main',
  subject: 'feat(api): add pagination (#12)',
  repoUrl: 'https://github.com/acme/widgets',
};

describe('a landed pull request', () => {
  it('is told in a comment with the landed commit, the base and the subject', () => {
    expect(renderMergedComment(landed)).toMatchInlineSnapshot(`
     "Landed as [\`5ca1ab1\`](https://github.com/acme/widgets/commit/5ca1ab1e00000000000000000000000000000000) on \`main\`: exactly the commit CI tested, with the subject \`feat(api): add pagination (#12)\`.
     "
    `);
  });

  it('gets a successful check run without buttons', () => {
    expect(showCheckRun(renderMergedCheckRun(landed))).toMatchInlineSnapshot(`
     "[completed/success] Landed on main as 5ca1ab1
     buttons: none; annotations: 0
     --- summary
     Landed as [\`5ca1ab1\`](https://github.com/acme/widgets/commit/5ca1ab1e00000000000000000000000000000000) on \`main\`: exactly the commit CI tested, with the subject \`feat(api): add pagination (#12)\`."
    `);
  });

  it('keeps a hostile subject inert', () => {
    const subject = 'fix: `rm -rf` for @alice <img src=x onerror=alert(1)> (#12)';
    expect(readable(renderMergedComment({ ...landed, subject }))).toMatchInlineSnapshot(`
     "Landed as [\`5ca1ab1\`](https://github.com/acme/widgets/commit/5ca1ab1e00000000000000000000000000000000) on \`main\`: exactly the commit CI tested, with the subject \`\`fix: \`rm -rf\` for @{zwsp}alice <img src=x onerror=alert(1)> (#12)\`\`.
     "
    `);
  });

  it('says so when the pull request was merged outside the queue', () => {
    const outside = { ...landed, stagingSha: null, subject: null };
    expect(showCheckRun(renderMergedCheckRun(outside))).toMatchInlineSnapshot(`
     "[completed/success] Merged into main outside the queue
     buttons: none; annotations: 0
     --- summary
     This pull request was merged into \`main\` outside the queue, so Sluice took it out of the queue."
    `);
  });
});
