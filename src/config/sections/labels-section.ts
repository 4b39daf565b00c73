import { z } from 'zod';
import type { GateClass } from '../../gates/types.js';
import { labelName, optionalLabelName } from './label-name.js';

function failedLabel(gateClass: GateClass) {
  return optionalLabelName
    .default(`sluice:${gateClass}`)
    .describe(`Label for a pull request dequeued because its \`${gateClass}\` gate failed.`);
}

const failedLabels = z
  .strictObject({
    /** Formatting: the fix is one command, so authors usually clear it themselves. */
    fmt: failedLabel('fmt'),
    /** Linter findings. */
    lint: failedLabel('lint'),
    /** Compilation or bundling failures. */
    build: failedLabel('build'),
    /** Failing tests. */
    test: failedLabel('test'),
    /** The PR no longer applies on the base branch; it needs a rebase. */
    conflict: failedLabel('conflict'),
    /** Runner, network or registry trouble that outlived the retry budget. */
    infra: failedLabel('infra'),
    /** Nothing recognisable: a human has to read the log. */
    unknown: failedLabel('unknown'),
  })
  .prefault({})
  .meta({
    title: 'Failure labels',
    description:
      'Label per failure class, added when a pull request is dequeued. `null` adds none.',
  });

export const labelsSection = z
  .strictObject({
    /** Off by default: the queue label already says a PR is waiting. */
    queued: optionalLabelName
      .default(null)
      .describe(
        'Label added while a pull request is in the queue, next to the queue label. `null` adds none.',
      ),
    /** Off by default: GitHub already shows "Merged". */
    merged: optionalLabelName
      .default(null)
      .describe('Label added to a pull request Sluice landed. `null` adds none.'),
    /** One label per class lets people filter "everything that failed formatting". */
    failed: failedLabels,
    /** Blocked PRs need a human; a label makes them easy to find. */
    blocked: labelName
      .nullable()
      .default('sluice:blocked')
      .describe(
        'Label added when a pull request is blocked after too many consecutive failures (see `gates.blockAfterConsecutiveFailures`). `null` adds none.',
      ),
  })
  .prefault({})
  .meta({
    title: 'Outcome labels',
    description: 'Labels Sluice adds to say what happened to a pull request.',
  });
