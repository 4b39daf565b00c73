import { describe, expect, it } from '@jest/globals';
import { loadConfigDocument } from '../../../src/config/load-config-document.js';
import { mergeConfigs } from '../../../src/config/merge-configs.js';
import { parseExtends } from '../../../src/config/parse-extends.js';
import type { ConfigDocument, ConfigError, SluiceConfig } from '../../../src/config/types.js';
import { validateConfig } from '../../../src/config/validate-config.js';
import { yaml } from './sluice-yml.js';

const orgFile = 'acme/.github:.github/sluice.yml';
const repoFile = '.github/sluice.yml';

function documentOf(text: string | undefined, path: string): ConfigDocument {
  const loaded = loadConfigDocument(text, { path });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
  return loaded.document;
}

function merge(orgText: string | undefined, repoText: string | undefined) {
  return validateConfig(mergeConfigs(documentOf(orgText, orgFile), documentOf(repoText, repoFile)));
}

function mergedConfig(orgText: string | undefined, repoText: string | undefined): SluiceConfig {
  const result = merge(orgText, repoText);
  if (!result.ok) throw new Error(JSON.stringify(result.errors, null, 2));
  return result.config;
}

function mergeErrors(orgText: string | undefined, repoText: string | undefined): ConfigError[] {
  const result = merge(orgText, repoText);
  if (result.ok) throw new Error('expected errors, but the merged config is valid');
  return result.errors;
}

const orgDefaults = yaml`
  queue:
    label: ship-it
    requiredApprovals: 1
  checks:
    required: [build, test, lint]
  labels:
    failed:
      fmt: needs-fmt
      lint: needs-lint
`;

describe('_extends merging', () => {
  it('merges mappings key by key, the repository file winning', () => {
    const config = mergedConfig(
      orgDefaults,
      'queue:\n  requiredApprovals: 2\nlabels:\n  failed:\n    fmt: style\n',
    );
    expect(config.queue).toMatchObject({ label: 'ship-it', requiredApprovals: 2 });
    expect(config.labels.failed).toMatchObject({
      fmt: 'style',
      lint: 'needs-lint',
      test: 'sluice:test',
    });
  });

  it('replaces an inherited list instead of appending to it', () => {
    const config = mergedConfig(orgDefaults, 'checks:\n  required: [build]\n');
    expect(config.checks.required).toEqual(['build']);
  });

  it('lets a repository switch an inherited label off with null', () => {
    const config = mergedConfig(orgDefaults, 'labels:\n  failed:\n    lint: null\n');
    expect(config.labels.failed.lint).toBeNull();
  });

  it('uses the inherited file alone when the repository has none', () => {
    const config = mergedConfig(orgDefaults, undefined);
    expect(config.queue.label).toBe('ship-it');
  });

  it('drops the consumed _extends key', () => {
    const merged = mergeConfigs(
      documentOf(orgDefaults, orgFile),
      documentOf('_extends: .github\n', repoFile),
    );
    expect(Object.keys(merged.value)).not.toContain('_extends');
    expect(merged.path).toBe(repoFile);
  });

  it('points an error in an inherited setting at the inherited file and line', () => {
    const errors = mergeErrors(
      'queue:\n  label: ok\nlanding:\n  strategy: squash\n',
      'queue:\n  label: mine\n',
    );
    expect(errors).toEqual([
      expect.objectContaining({ path: orgFile, line: 4, column: 13, keyPath: 'landing.strategy' }),
    ]);
  });

  it('points an error in an overridden setting at the repository file', () => {
    const errors = mergeErrors(
      orgDefaults,
      yaml`
      # repository settings
      queue:
        requiredApprovals: many
    `,
    );
    expect(errors).toEqual([
      expect.objectContaining({ path: repoFile, line: 3, keyPath: 'queue.requiredApprovals' }),
    ]);
  });

  it('points at the repository file when its scalar replaces an inherited section', () => {
    const errors = mergeErrors(orgDefaults, 'labels: none\n');
    expect(errors).toEqual([
      expect.objectContaining({ path: repoFile, line: 1, keyPath: 'labels', kind: 'wrong-type' }),
    ]);
  });

  it('lists the repository file errors before inherited ones', () => {
    const errors = mergeErrors(
      'landing:\n  strategy: rebase\n',
      '\n\n\nqueue:\n  onPush: rebase\n',
    );
    expect(errors.map((error) => [error.path, error.line])).toEqual([
      [repoFile, 5],
      [orgFile, 2],
    ]);
  });

  it('finds a clash between an inherited label and the repository queue label', () => {
    const errors = mergeErrors('labels:\n  blocked: ready\n', 'queue:\n  label: ready\n');
    expect(errors).toEqual([
      expect.objectContaining({
        path: orgFile,
        line: 2,
        keyPath: 'labels.blocked',
        kind: 'label-clash',
      }),
    ]);
  });

  it('keeps a __proto__ key as data while merging', () => {
    const merged = mergeConfigs(
      documentOf('queue: {}\n', orgFile),
      documentOf('__proto__: { label: x }\n', repoFile),
    );
    expect(Object.getPrototypeOf(merged.value)).toBe(Object.prototype);
    expect(Object.hasOwn(merged.value, '__proto__')).toBe(true);
  });
});

describe('parseExtends', () => {
  const from = { owner: 'octo', path: '.github/sluice.yml' };

  it.each([
    ['.github', { owner: 'octo', repo: '.github', path: '.github/sluice.yml' }],
    ['settings', { owner: 'octo', repo: 'settings', path: '.github/sluice.yml' }],
    ['acme/settings', { owner: 'acme', repo: 'settings', path: '.github/sluice.yml' }],
    ['acme/settings:ci/sluice.yml', { owner: 'acme', repo: 'settings', path: 'ci/sluice.yml' }],
    ['settings:sluice.yml', { owner: 'octo', repo: 'settings', path: 'sluice.yml' }],
    [' acme/settings ', { owner: 'acme', repo: 'settings', path: '.github/sluice.yml' }],
  ])('resolves %j', (value, target) => {
    expect(parseExtends(value, from)).toEqual(target);
  });

  it.each(['', 'a/b/c', 'acme/', '/settings', 'acme/settings:', 'has space', 'acme/..', 'a:b:c'])(
    'rejects %j',
    (value) => {
      expect(parseExtends(value, from)).toBeUndefined();
    },
  );
});
