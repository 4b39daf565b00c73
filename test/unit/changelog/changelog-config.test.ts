import { describe, expect, it } from '@jest/globals';
import { changelogConfigFrom, DEFAULT_CHANGELOG_CONFIG } from '../../../src/changelog/index.js';
import { defaultConfig, parseConfig } from '../../../src/config/index.js';

describe('changelog settings from .github/sluice.yml', () => {
  it('has the same defaults the CLI uses without loading the config module', () => {
    expect(changelogConfigFrom(defaultConfig)).toEqual(DEFAULT_CHANGELOG_CONFIG);
  });

  it('resolves section keys to their titles and keeps a custom subject template', () => {
    const text = [
      'mergeMessage:',
      "  subject: 'sluice: merge {number} {type} {title}'",
      'changelog:',
      '  types: { Research: features }',
      '  hidden: [docs]',
      '  sections: { features: New }',
    ].join('\n');
    const parsed = parseConfig(text, { path: '.github/sluice.yml' });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const config = changelogConfigFrom(parsed.config);
    expect(config.types).toMatchObject({ research: 'New', feat: 'New', fix: 'Fixes' });
    expect(config.hidden).toEqual(['docs']);
    expect(config.sections[1]).toBe('New');
    expect(config.template).toBe('sluice: merge {number} {type} {title}');
  });
});
