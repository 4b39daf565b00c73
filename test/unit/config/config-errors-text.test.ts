import { describe, expect, it } from '@jest/globals';
import { renderConfigErrors } from '../../../src/messages/config-errors.js';
import { renderConfigWarnings } from '../../../src/messages/config-warnings.js';
import { codeSpan } from '../../../src/messages/config-value-text.js';
import type { ConfigError } from '../../../src/config/types.js';
import { errorsOf, sluiceYml, warningsOf, yaml } from './sluice-yml.js';

const brokenFile = yaml`
  queue:
    label: ready
    required_approvals: 2
  landing:
    strategy: squash
  gates:
    rules:
      - step: Run cargo fmt*
        class: formatting
`;

function anError(overrides: Partial<ConfigError> = {}): ConfigError {
  return {
    path: sluiceYml,
    line: 1,
    column: 1,
    keyPath: 'queue.label',
    kind: 'too-small',
    message: '`queue.label` must not be blank.',
    fix: 'Write a value, or delete the line to use the default.',
    ...overrides,
  };
}

describe('the failing Sluice check run for a broken config', () => {
  it('names the file, line and fix of every problem', () => {
    const output = renderConfigErrors(errorsOf(brokenFile), {
      context: 'default-branch',
      annotatePath: sluiceYml,
    });
    expect(output.title).toBe('Invalid .github/sluice.yml (3 problems)');
    expect(output.summary).toMatchInlineSnapshot(`
     "Sluice merges nothing in this repository until its configuration on the default branch is valid again.

     ### \`.github/sluice.yml\`

     1. **Line 3, column 3:** \`required_approvals\` is not a Sluice setting under \`queue\`.
        **Fix:** Did you mean \`requiredApprovals\`? Rename \`required_approvals\` to \`requiredApprovals\`.

     2. **Line 5, column 13:** \`landing.strategy\` must be one of fast-forward, merge-api; you wrote \`squash\`.
        **Fix:** Change it to \`fast-forward\` or \`merge-api\`.

     3. **Line 9, column 14:** \`gates.rules[0].class\` must be one of fmt, lint, build, test, conflict, infra, unknown; you wrote \`formatting\`.
        **Fix:** Change it to \`fmt\`, \`lint\`, \`build\`, \`test\`, \`conflict\`, \`infra\` or \`unknown\`.

     Every setting is described in the [configuration reference](https://github.com/sluice-dev/sluice/blob/main/docs/config.md).
     "
    `);
    expect(output.annotations).toMatchInlineSnapshot(`
     [
       {
         "annotation_level": "failure",
         "end_line": 3,
         "message": "\`required_approvals\` is not a Sluice setting under \`queue\`.
     Fix: Did you mean \`requiredApprovals\`? Rename \`required_approvals\` to \`requiredApprovals\`.",
         "path": ".github/sluice.yml",
         "start_line": 3,
         "title": "Invalid setting queue.required_approvals",
       },
       {
         "annotation_level": "failure",
         "end_line": 5,
         "message": "\`landing.strategy\` must be one of fast-forward, merge-api; you wrote \`squash\`.
     Fix: Change it to \`fast-forward\` or \`merge-api\`.",
         "path": ".github/sluice.yml",
         "start_line": 5,
         "title": "Invalid setting landing.strategy",
       },
       {
         "annotation_level": "failure",
         "end_line": 9,
         "message": "\`gates.rules[0].class\` must be one of fmt, lint, build, test, conflict, infra, unknown; you wrote \`formatting\`.
     Fix: Change it to \`fmt\`, \`lint\`, \`build\`, \`test\`, \`conflict\`, \`infra\` or \`unknown\`.",
         "path": ".github/sluice.yml",
         "start_line": 9,
         "title": "Invalid setting gates.rules[0].class",
       },
     ]
    `);
  });

  it('tells the author of a pull request what merging it would do, and skips annotations in other repositories', () => {
    const errors = [
      anError(),
      anError({ path: 'acme/.github:.github/sluice.yml', line: 7, keyPath: 'landing.strategy' }),
    ];
    const output = renderConfigErrors(errors, { context: 'pull-request', annotatePath: sluiceYml });
    expect(output.title).toBe('Invalid Sluice configuration (2 problems)');
    expect(output.summary).toMatchInlineSnapshot(`
     "This pull request changes the Sluice configuration. Merged as it is, it would stop Sluice from merging anything in this repository.

     ### \`.github/sluice.yml\`

     1. **Line 1, column 1:** \`queue.label\` must not be blank.
        **Fix:** Write a value, or delete the line to use the default.

     ### \`acme/.github:.github/sluice.yml\`

     1. **Line 7, column 1:** \`queue.label\` must not be blank.
        **Fix:** Write a value, or delete the line to use the default.

     Every setting is described in the [configuration reference](https://github.com/sluice-dev/sluice/blob/main/docs/config.md).
     "
    `);
    expect(output.annotations.map((annotation) => annotation.path)).toEqual([sluiceYml]);
  });

  it('reports a YAML syntax error without a setting name', () => {
    const output = renderConfigErrors(errorsOf('queue:\n\tlabel: x\n'), {
      context: 'default-branch',
      annotatePath: sluiceYml,
    });
    expect(output.title).toBe('Invalid .github/sluice.yml (1 problem)');
    expect(output.annotations).toMatchInlineSnapshot(`
     [
       {
         "annotation_level": "failure",
         "end_line": 2,
         "message": "\`.github/sluice.yml\` is not valid YAML: tabs are not allowed as indentation.
     Fix: Indent with spaces: YAML does not allow tab characters in indentation.",
         "path": ".github/sluice.yml",
         "start_line": 2,
         "title": "Invalid Sluice configuration",
       },
     ]
    `);
  });

  it('lists the first fifty problems and counts the rest', () => {
    const errors = Array.from({ length: 60 }, (_, i) => anError({ line: i + 1 }));
    const output = renderConfigErrors(errors, {
      context: 'default-branch',
      annotatePath: sluiceYml,
    });
    expect(output.title).toBe('Invalid .github/sluice.yml (60 problems)');
    expect(output.summary).toContain('50. **Line 50, column 1:**');
    expect(output.summary).not.toContain('51. ');
    expect(output.summary).toContain(
      '… and 10 more. Fix the ones above and Sluice will list the rest.',
    );
    expect(output.annotations).toHaveLength(50);
  });

  it('stays within GitHub limits for pathological messages', () => {
    const huge = 'x'.repeat(100_000);
    const output = renderConfigErrors([anError({ message: huge, fix: huge })], {
      context: 'default-branch',
      annotatePath: sluiceYml,
    });
    expect(output.summary.length).toBeLessThan(65_535);
    expect(output.annotations[0]!.message.length).toBeLessThan(65_535);
  });

  it('quotes values containing backticks without breaking the markdown', () => {
    expect(codeSpan('a`b')).toBe('``a`b``');
    expect(codeSpan('`edge`')).toBe('`` `edge` ``');
    const error = errorsOf('landing:\n  strategy: "`rm -rf`"\n')[0]!;
    expect(error.message).toBe(
      '`landing.strategy` must be one of fast-forward, merge-api; you wrote `` `rm -rf` ``.',
    );
  });
});

describe('config warnings', () => {
  it('warn when the changelog cannot link entries to pull requests', () => {
    const warnings = warningsOf(yaml`
      mergeMessage:
        subject: "{type}: {description}"
        trailers: false
    `);
    expect(warnings.map((warning) => [warning.kind, warning.line])).toEqual([
      ['subject-without-number', 2],
      ['type-placeholder-without-grammar', 2],
    ]);
    expect(renderConfigWarnings(warnings)).toMatchInlineSnapshot(`
     "### Configuration warnings

     - **.github/sluice.yml, line 2:** \`mergeMessage.subject\` has no \`{number}\` and \`mergeMessage.trailers\` is off, so changelog entries cannot link to their pull requests.
     - **.github/sluice.yml, line 2:** \`mergeMessage.subject\` uses \`{type}\` or \`{scope}\`, which stay empty for titles that are not conventional commits; set \`mergeMessage.requireConventionalTitle: true\` to refuse such titles.
     "
    `);
  });

  it('stay quiet for the default subject', () => {
    expect(
      warningsOf('mergeMessage:\n  trailers: false\n  subject: "{title} (#{number})"\n'),
    ).toEqual([]);
  });

  it('render as nothing when there are none', () => {
    expect(renderConfigWarnings([])).toBe('');
  });
});
