import type { SluiceConfig } from './types.js';
import { sluiceConfigSchema } from './sluice-config-schema.js';

/** What an empty or missing `.github/sluice.yml` means. */
export const defaultConfig: SluiceConfig = sluiceConfigSchema.parse({});
