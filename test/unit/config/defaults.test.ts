import { describe, expect, it } from '@jest/globals';
import { stringify } from 'yaml';
import { defaultConfig } from '../../../src/config/default-config.js';
import { configOf, parse, yaml } from './sluice-yml.js';

describe('defaults', () => {
  it.each([
    ['a missing file', undefined],
    ['an empty file', ''],
    ['a file with only comments', '# nothing to see\n\n# here\n'],
    ['a file with only a document marker', '---\n'],
    ['a file that is an explicit null', '~\n'],
  ])('%s means the defaults, without warnings', (_name, text) => {
    expect(parse(text)).toEqual({ ok: true, config: defaultConfig, warnings: [] });
  });

  it('gives production defaults for the settings the queue relies on', () => {
    expect(defaultConfig.queue).toEqual({
      label: 'merge-queue',
      minimumPermission: 'write',
      requiredApprovals: 0,
      onPush: 'dequeue',
      batch: { maxSize: 8, adaptive: true, waitSeconds: 0 },
      parallel: 'auto',
      parallelWindow: { min: 1, max: 8 },
      probes: true,
      landOnLaterPass: false,
      stagingBranchPrefix: 'sluice/staging/',
      priority: { labels: { high: null, low: null }, interrupt: false },
      freeze: { reason: null },
    });
    // The landed comment is opt-in: the PR's "Merged" and its check run already say it.
    expect(defaultConfig.landing).toEqual({ strategy: 'fast-forward', comment: false });
    expect(defaultConfig.checks).toEqual({ required: [], startTimeoutMinutes: 30 });
    expect(defaultConfig.mergeMessage).toEqual({
      subject: '{title} (#{number})',
      body: { includePrBody: true, stripHtmlComments: true, cutMarker: '<!-- sluice:cut -->' },
      coAuthors: true,
      trailers: true,
      requireConventionalTitle: false,
    });
  });

  it('retries only infra failures and blocks after three in a row', () => {
    expect(defaultConfig.gates.onFailure).toEqual({
      fmt: 'dequeue',
      lint: 'dequeue',
      build: 'dequeue',
      test: 'dequeue',
      conflict: 'dequeue',
      infra: 'retry',
      unknown: 'dequeue',
    });
    expect(defaultConfig.gates.blockAfterConsecutiveFailures).toBe(3);
    expect(defaultConfig.gates.conclusions).toEqual({
      cancelled: 'infra',
      timed_out: 'infra',
      startup_failure: 'infra',
      stale: 'infra',
    });
  });

  it('labels each failure class and blocked pull requests, and nothing else', () => {
    expect(defaultConfig.labels).toEqual({
      queued: null,
      merged: null,
      failed: {
        fmt: 'sluice:fmt',
        lint: 'sluice:lint',
        build: 'sluice:build',
        test: 'sluice:test',
        conflict: 'sluice:conflict',
        infra: 'sluice:infra',
        unknown: 'sluice:unknown',
      },
      blocked: 'sluice:blocked',
    });
  });

  it('keeps the defaults of the settings a file does not mention', () => {
    const config = configOf(yaml`
      queue:
        label: ready
      labels:
        failed:
          fmt: needs-format
    `);
    expect(config.queue).toEqual({ ...defaultConfig.queue, label: 'ready' });
    expect(config.labels.failed).toEqual({ ...defaultConfig.labels.failed, fmt: 'needs-format' });
    expect(config.gates).toEqual(defaultConfig.gates);
  });

  it('adds a repository type alias to the built-in table instead of replacing it', () => {
    const config = configOf(yaml`
      changelog:
        types:
          story: features
          chore: other
          fix: other
    `);
    expect(config.changelog.types).toMatchObject({
      feat: 'features',
      story: 'features',
      chore: 'other',
      fix: 'other',
    });
  });

  it('reads back the defaults written out as YAML unchanged', () => {
    expect(configOf(stringify(defaultConfig))).toEqual(defaultConfig);
  });
});
