import { describe, expect, it } from '@jest/globals';
import { stringify } from 'yaml';
import { configOf, errorsOf } from './sluice-yml.js';

const tooLongLabel = 'x'.repeat(51);

describe('settings reject values outside their rules', () => {
  it.each([
    [{ queue: { label: '' } }, 'queue.label', 'too-small'],
    [{ queue: { label: '   ' } }, 'queue.label', 'too-small'],
    [{ queue: { label: tooLongLabel } }, 'queue.label', 'too-big'],
    [{ queue: { minimumPermission: 'read' } }, 'queue.minimumPermission', 'not-one-of'],
    [{ queue: { requiredApprovals: -1 } }, 'queue.requiredApprovals', 'too-small'],
    [{ queue: { requiredApprovals: 21 } }, 'queue.requiredApprovals', 'too-big'],
    [{ queue: { requiredApprovals: 1.5 } }, 'queue.requiredApprovals', 'wrong-type'],
    [{ queue: { onPush: 'rebase' } }, 'queue.onPush', 'not-one-of'],
    [{ landing: { comment: 'yes' } }, 'landing.comment', 'wrong-type'],
    [
      { queue: { stagingBranchPrefix: 'sluice staging/' } },
      'queue.stagingBranchPrefix',
      'invalid-branch-prefix',
    ],
    [
      { queue: { stagingBranchPrefix: 'sluice..staging/' } },
      'queue.stagingBranchPrefix',
      'invalid-branch-prefix',
    ],
    [
      { queue: { stagingBranchPrefix: '/staging/' } },
      'queue.stagingBranchPrefix',
      'invalid-branch-prefix',
    ],
    [
      { queue: { stagingBranchPrefix: 'a/.hidden/' } },
      'queue.stagingBranchPrefix',
      'invalid-branch-prefix',
    ],
    [
      { queue: { stagingBranchPrefix: 'x.lock/' } },
      'queue.stagingBranchPrefix',
      'invalid-branch-prefix',
    ],
    [
      { queue: { stagingBranchPrefix: 'a\u0001b/' } },
      'queue.stagingBranchPrefix',
      'invalid-branch-prefix',
    ],
    [{ landing: { strategy: 'squash' } }, 'landing.strategy', 'not-one-of'],
    [{ checks: { required: ['build', ''] } }, 'checks.required[1]', 'too-small'],
    [
      { checks: { required: Array.from({ length: 101 }, (_, i) => `c${i}`) } },
      'checks.required',
      'too-big',
    ],
    [{ checks: { startTimeoutMinutes: 0 } }, 'checks.startTimeoutMinutes', 'too-small'],
    [{ checks: { startTimeoutMinutes: 1441 } }, 'checks.startTimeoutMinutes', 'too-big'],
    [{ mergeMessage: { subject: '' } }, 'mergeMessage.subject', 'too-small'],
    [
      { mergeMessage: { subject: '{ title } (#{number})' } },
      'mergeMessage.subject',
      'unknown-placeholder',
    ],
    [{ mergeMessage: { subject: '{title} {}' } }, 'mergeMessage.subject', 'unknown-placeholder'],
    [
      { mergeMessage: { subject: '{titel} (#{number})' } },
      'mergeMessage.subject',
      'unknown-placeholder',
    ],
    [
      { mergeMessage: { subject: '{title}\n\nmore' } },
      'mergeMessage.subject',
      'multiline-template',
    ],
    [{ mergeMessage: { body: { cutMarker: '' } } }, 'mergeMessage.body.cutMarker', 'too-small'],
    [{ labels: { merged: tooLongLabel } }, 'labels.merged', 'too-big'],
    [{ labels: { failed: { fmt: 'Merge-Queue' } } }, 'labels.failed.fmt', 'label-clash'],
    [
      { queue: { label: 'ship-it' }, labels: { blocked: 'ship-it' } },
      'labels.blocked',
      'label-clash',
    ],
    [{ labels: { queued: 'merge-queue' } }, 'labels.queued', 'label-clash'],
    [{ gates: { onFailure: { infra: 'retries' } } }, 'gates.onFailure.infra', 'not-one-of'],
    [
      { gates: { onFailure: { conflict: 'retry' } } },
      'gates.onFailure.conflict',
      'conflict-not-retryable',
    ],
    [
      { gates: { retryBudget: { perPullRequest: -1 } } },
      'gates.retryBudget.perPullRequest',
      'too-small',
    ],
    [
      { gates: { retryBudget: { perRepositoryPerDay: 1001 } } },
      'gates.retryBudget.perRepositoryPerDay',
      'too-big',
    ],
    [
      { gates: { blockAfterConsecutiveFailures: 0 } },
      'gates.blockAfterConsecutiveFailures',
      'too-small',
    ],
    [{ gates: { rules: [{ class: 'fmt' }] } }, 'gates.rules[0]', 'empty-rule'],
    [{ gates: { rules: [{ check: 'rustfmt' }] } }, 'gates.rules[0].class', 'missing-key'],
    [
      { gates: { rules: [{ check: 'rustfmt', class: 'style' }] } },
      'gates.rules[0].class',
      'not-one-of',
    ],
    [{ gates: { rules: [{ check: '', class: 'fmt' }] } }, 'gates.rules[0].check', 'too-small'],
    [
      { gates: { conclusions: { cancelled: 'flaky' } } },
      'gates.conclusions.cancelled',
      'not-one-of',
    ],
    [{ changelog: { types: { story: 'featurs' } } }, 'changelog.types.story', 'not-one-of'],
    [{ changelog: { hidden: 'chore' } }, 'changelog.hidden', 'wrong-type'],
    [{ changelog: { ignore: ['(unclosed'] } }, 'changelog.ignore[0]', 'invalid-pattern'],
    [{ changelog: { sections: { other: '' } } }, 'changelog.sections.other', 'too-small'],
    [{ _extends: 'acme/.github/extra' }, '_extends', 'invalid-extends'],
    [{ _extends: 'acme/..' }, '_extends', 'invalid-extends'],
  ])('%j → %s: %s', (settings, keyPath, kind) => {
    const errors = errorsOf(stringify(settings));
    expect(errors.map((error) => [error.keyPath, error.kind])).toEqual([[keyPath, kind]]);
  });
});

describe('settings accept values within their rules', () => {
  it.each([
    [{ queue: { stagingBranchPrefix: 'merge/staging-' } }],
    [{ queue: { minimumPermission: 'maintain', requiredApprovals: 2, onPush: 'retest' } }],
    [{ landing: { strategy: 'merge-api' } }],
    [{ landing: { comment: true } }],
    [
      {
        mergeMessage: {
          subject: 'sluice: merge {number} {type} {title}',
          requireConventionalTitle: true,
        },
      },
    ],
    [{ mergeMessage: { subject: 'Merge {title} into {base} by {author}' } }],
    [{ mergeMessage: { subject: '{title} {braces around words} are text' } }],
    [{ mergeMessage: { body: { cutMarker: null, includePrBody: false } } }],
    [{ labels: { queued: 'in-queue', merged: 'landed', blocked: null, failed: { infra: null } } }],
    [{ gates: { rules: [{ job: 'lint (*)', step: 'Run ?lint*', class: 'lint' }] } }],
    [{ gates: { onFailure: { test: 'retry' }, conclusions: { cancelled: 'unknown' } } }],
    [{ changelog: { hidden: [], ignore: ['^release v\\d+'] } }],
    [{ _extends: '.github' }],
    [{ _extends: 'acme/org-settings:config/sluice.yml' }],
  ])('%j', (settings) => {
    expect(() => configOf(stringify(settings))).not.toThrow();
  });
});
