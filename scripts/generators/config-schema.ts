/**
 * schema/sluice.schema.json: the JSON schema editors use to complete and check
 * `.github/sluice.yml`, generated from the zod schema the app validates with.
 */
import type { Generator } from '../generators.js';
import { buildConfigJsonSchema } from '../../src/config/config-json-schema.js';

export const generator: Generator = {
  path: 'schema/sluice.schema.json',
  render: () => Promise.resolve(`${JSON.stringify(buildConfigJsonSchema(), null, 2)}\n`),
};
