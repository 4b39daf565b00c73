import { describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { stringify } from 'yaml';
import { generator as referenceGenerator } from '../../../scripts/generators/config-reference.js';
import { generator as schemaGenerator } from '../../../scripts/generators/config-schema.js';
import { buildConfigJsonSchema } from '../../../src/config/config-json-schema.js';
import { defaultConfig } from '../../../src/config/default-config.js';
import { listConfigFields } from '../../../src/config/list-config-fields.js';

const root = resolve(import.meta.dirname, '../../..');

// `npm run check:generated` guards these in CI too; this keeps `npm test` honest on its own.
describe('generated config files', () => {
  it.each([
    ['schema', schemaGenerator],
    ['reference', referenceGenerator],
  ])(
    'the committed %s is what the generator writes (run `npm run generate`)',
    async (_name, generator) => {
      const committed = await readFile(resolve(root, generator.path), 'utf8');
      expect(committed).toBe(await generator.render());
    },
  );

  it('the reference documents every setting', async () => {
    const reference = await referenceGenerator.render();
    for (const field of listConfigFields()) expect(reference).toContain(`\`${field.keyPath}\``);
    expect(reference).toContain('# yaml-language-server: $schema=https://');
  });
});

describe('the JSON schema editors use', () => {
  const validate = new Ajv2020({ strict: false }).compile(buildConfigJsonSchema());

  it('accepts the defaults written out in full', () => {
    expect(validate(JSON.parse(JSON.stringify(defaultConfig)))).toBe(true);
  });

  it('accepts an empty file', () => {
    expect(validate({})).toBe(true);
  });

  it('rejects what the app rejects: unknown keys, wrong choices, wrong types', () => {
    expect(validate({ queue: { lable: 'x' } })).toBe(false);
    expect(validate({ landing: { strategy: 'squash' } })).toBe(false);
    expect(validate({ checks: { startTimeoutMinutes: 'soon' } })).toBe(false);
    expect(validate({ gates: { rules: [{ check: 'fmt' }] } })).toBe(false);
  });

  it('carries a title, an id and a description for every setting', () => {
    const schema = buildConfigJsonSchema();
    expect(schema).toMatchObject({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: expect.stringMatching(/^https:\/\/.*\/schema\/sluice\.schema\.json$/),
      title: 'Sluice configuration',
    });
    expect(stringify(schema)).not.toContain('description: ""');
  });
});
