import { describe, expect, it } from '@jest/globals';
import { renderGateAnnotations, renderGateVerdicts } from '../../../src/messages/index.js';
import { aVerdict, readable } from './builders.js';
import { fencesBalanced, liveMentions } from './markdown-checks.js';

describe('a gate verdict', () => {
  it('says what to do when no tool is known', () => {
    const unknown = aVerdict({
      class: 'unknown',
      confidence: 0.2,
      fix: undefined,
      signature: null,
      line: null,
      context: [],
      job: null,
      step: null,
      reason: 'No signature matched the failing step.',
    });
    expect(renderGateVerdicts([unknown])).toMatchInlineSnapshot(`
     "#### [\`ci / fmt\`](https://github.com/acme/widgets/runs/11): no evidence for a known gate (\`unknown\` gate)

     No signature matched the failing step. (confidence 20%)

     **Fix:** Sluice could not tell which gate failed; read [the check’s log](https://github.com/acme/widgets/runs/11)."
    `);
  });

  it('tells an infrastructure failure apart from the code', () => {
    const infra = aVerdict({
      check: 'ci / e2e',
      class: 'infra',
      fix: undefined,
      reason: 'The runner lost its connection.',
      signature: 'runner/lost',
      context: ['The runner has received a shutdown signal.'],
    });
    expect(renderGateVerdicts([infra])).toMatchInlineSnapshot(`
     "#### [\`ci / e2e\`](https://github.com/acme/widgets/runs/11): the environment failed, not the code (\`infra\` gate)

     In job \`fmt\`, step \`Run cargo fmt --check\`: The runner lost its connection. (confidence 95%)

     Matched \`runner/lost\` at line 42 of the log:

     \`\`\`text
     The runner has received a shutdown signal.
     \`\`\`

     **Fix:** nothing in the code; someone who may queue can run it again with \`/sluice retry\`."
    `);
  });

  it('fences log lines containing backticks so none closes the block early', () => {
    const context = ['```', 'error: unexpected `` ` `` in ```` block', '~~~'];
    const text = renderGateVerdicts([aVerdict({ context })]);
    expect(text).toContain('`````text\n```\nerror: unexpected `` ` `` in ```` block\n~~~\n`````');
    expect(fencesBalanced(text)).toBe(true);
  });

  it('neutralises mentions, HTML and links from the log, the check and the step', () => {
    const text = renderGateVerdicts([
      aVerdict({
        check: 'ci / [click](https://evil.example) @admins',
        step: 'Run echo @octocat',
        reason: 'Saw <img src=x onerror=alert(1)> from @octocat/team.',
        context: ['npm ERR! 404 @acme/private-pkg not found', 'cc @security-team <script>'],
      }),
    ]);
    expect(liveMentions(text)).toEqual([]);
    expect(readable(text)).toMatchInlineSnapshot(`
     "#### [\`ci / [click](https://evil.example) @{zwsp}admins\`](https://github.com/acme/widgets/runs/11): a formatter would rewrite the code (\`fmt\` gate)

     In job \`fmt\`, step \`Run echo @{zwsp}octocat\`: Saw \\<img src=x onerror=alert(1)\\> from @{zwsp}octocat/team. (confidence 95%)

     Matched \`rustfmt/diff-in\` at line 42 of the log:

     \`\`\`text
     npm ERR! 404 @{zwsp}acme/private-pkg not found
     cc @{zwsp}security-team <script>
     \`\`\`

     **Fix:** run \`cargo fmt\` locally, commit the result and push."
    `);
  });

  it('clips very long log lines', () => {
    const text = renderGateVerdicts([aVerdict({ context: ['x'.repeat(10_000)] })]);
    expect(text).toContain(`${'x'.repeat(239)}…`);
    expect(text.length).toBeLessThan(1_500);
  });

  it('leaves out whole verdicts past the limit and says how many', () => {
    const verdicts = Array.from({ length: 5 }, (_, i) =>
      aVerdict({ check: `ci / shard ${i + 1}` }),
    );
    const text = renderGateVerdicts(verdicts, { limit: 1_200 });
    expect(text.length).toBeLessThanOrEqual(1_200);
    expect(fencesBalanced(text)).toBe(true);
    expect(text).toMatch(
      /_… and \d more failing checks, left out to stay within GitHub's size limit\./,
    );
  });
});

describe('check run annotations from gate verdicts', () => {
  const finding = (line: number) => ({
    path: `src/file-${line}.ts`,
    line,
    message: `problem ${line}`,
    tool: 'eslint',
  });

  it('come in chunks of at most 50', () => {
    const verdict = aVerdict({
      annotations: Array.from({ length: 120 }, (_, i) => finding(i + 1)),
    });
    expect(renderGateAnnotations([verdict]).map((chunk) => chunk.length)).toEqual([50, 50, 20]);
  });

  it('show a finding reported by two checks once', () => {
    const annotations = [finding(3)];
    const chunks = renderGateAnnotations([
      aVerdict({ annotations }),
      aVerdict({ check: 'ci / lint', annotations }),
    ]);
    expect(chunks.flat()).toHaveLength(1);
  });

  it('skip paths outside the repository and lines GitHub would reject', () => {
    const annotations = [
      { path: '/home/runner/work/x.ts', line: 1, message: 'm', tool: 't' },
      { path: '../../etc/passwd', line: 1, message: 'm', tool: 't' },
      { path: 'src/a.ts', line: 0, message: 'm', tool: 't' },
      { path: './src/b..c.ts', line: 2, message: 'kept', tool: 't' },
    ];
    expect(renderGateAnnotations([aVerdict({ annotations })]).flat()).toEqual([
      expect.objectContaining({ path: 'src/b..c.ts', start_line: 2, message: 'kept' }),
    ]);
  });
});
