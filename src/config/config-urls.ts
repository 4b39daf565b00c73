/**
 * Where Sluice's own repository publishes its files. Editors fetch the schema from here
 * (`$id` and the `yaml-language-server` hint), and error messages link the reference.
 * Update `sluiceRepository` when the repository's public home changes.
 */
export const sluiceRepository = 'sluice-dev/sluice';

export const configSchemaUrl = `https://raw.githubusercontent.com/${sluiceRepository}/main/schema/sluice.schema.json`;

export const configReferenceUrl = `https://github.com/${sluiceRepository}/blob/main/docs/config.md`;
