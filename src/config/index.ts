/** The config module's public surface: the app, the Action and the CLI import from here. */
export { parseConfig } from './parse-config.js';
export { loadConfigDocument } from './load-config-document.js';
export { validateConfig } from './validate-config.js';
export { mergeConfigs } from './merge-configs.js';
export { parseExtends, type ExtendsTarget } from './parse-extends.js';
export {
  orgDefaultsRepo,
  resolveConfigText,
  type ExtendsReader,
  type ResolveConfigOptions,
} from './resolve-config-text.js';
export { defaultConfig } from './default-config.js';
export { sluiceConfigSchema } from './sluice-config-schema.js';
export { buildConfigJsonSchema } from './config-json-schema.js';
export { listConfigFields, type ConfigField } from './list-config-fields.js';
export { configLimits } from './config-limits.js';
export { configReferenceUrl, configSchemaUrl } from './config-urls.js';
export { gateClasses, type GateClass } from '../gates/types.js';
export { subjectPlaceholders, type SubjectPlaceholder } from './sections/subject-placeholders.js';
export type {
  ConfigDocument,
  ConfigError,
  ConfigErrorKind,
  ConfigWarning,
  LoadConfigDocumentResult,
  ParseConfigResult,
  ResolveConfigResult,
  SluiceConfig,
  SluiceConfigInput,
} from './types.js';
