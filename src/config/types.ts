import type { z } from 'zod';
import type { sluiceConfigSchema } from './sluice-config-schema.js';

/** `.github/sluice.yml` after validation, with every default filled in. */
export type SluiceConfig = z.output<typeof sluiceConfigSchema>;

/** What a user may write: every field optional. */
export type SluiceConfigInput = z.input<typeof sluiceConfigSchema>;

/** 1-based, as editors and GitHub annotations count. */
export interface Position {
  line: number;
  column: number;
}

/**
 * Where each value of a YAML document was written, mirroring the value's shape. A subtree
 * without children (an alias, a scalar) stands for everything below it.
 */
export interface LocatedNode {
  /** The file this node came from: after an `_extends` merge, nodes of one tree differ. */
  file: string;
  /** Where the key was written; absent for the root and list items. */
  key?: Position;
  /** Where the value starts; absent for an empty value (`label:`). */
  value?: Position;
  /** Mapping keys and list indexes (as strings). */
  children: Map<string, LocatedNode>;
}

/** A YAML file read into plain values, before the schema judges it. */
export interface ConfigDocument {
  path: string;
  value: Record<string, unknown>;
  locations: LocatedNode;
}

export type ConfigErrorKind = YamlProblem['kind'] | SchemaProblem['kind'];

/** One thing wrong with a config file, located and explained for the person who wrote it. */
export interface ConfigError {
  path: string;
  line: number;
  column: number;
  /** `gates.rules[0].class`; empty for the document itself. */
  keyPath: string;
  kind: ConfigErrorKind;
  message: string;
  /** One sentence saying what to change. */
  fix: string;
}

/** Valid but probably not what was meant. */
export interface ConfigWarning {
  path: string;
  line: number;
  column: number;
  keyPath: string;
  kind: ConfigWarningKind;
  message: string;
}

export type ParseConfigResult =
  | { ok: true; config: SluiceConfig; warnings: ConfigWarning[] }
  | { ok: false; errors: ConfigError[] };

/** A config after `_extends` and the org-wide fallback, and which file that was. */
export type ResolveConfigResult = ParseConfigResult & {
  /**
   * The file whose settings apply: the one given, or the owner's `.github` repository's
   * when the repository has none (`acme/.github:.github/sluice.yml`). Undefined when there
   * is no file at all and the defaults apply.
   */
  appliedPath: string | undefined;
};

export type LoadConfigDocumentResult =
  { ok: true; document: ConfigDocument } | { ok: false; errors: ConfigError[] };

/** Problems found before the schema runs: the text is not a usable YAML mapping. */
export type YamlProblem =
  | { kind: 'too-large'; bytes: number; limit: number }
  | { kind: 'yaml-syntax'; reason: string; hint: YamlSyntaxHint }
  | { kind: 'duplicate-key'; keyPath: string; firstLine: number }
  | { kind: 'undefined-alias'; alias: string }
  | { kind: 'too-deep'; limit: number }
  | { kind: 'alias-expansion'; limit: number }
  | { kind: 'recursive-alias' }
  | { kind: 'multiple-documents' }
  | { kind: 'root-not-mapping'; received: unknown };

/** Problems the schema finds in well-formed YAML. */
export type SchemaProblem =
  | { kind: 'unknown-key'; key: string; suggestion?: string; knownKeys: string[] }
  | { kind: 'missing-key'; key: string }
  | { kind: 'wrong-type'; expected: ValueShape; received: unknown; example?: unknown }
  | { kind: 'not-one-of'; options: string[]; received: unknown; suggestion?: string }
  | { kind: 'too-small'; of: SizedThing; minimum: number; received: unknown }
  | { kind: 'too-big'; of: SizedThing; maximum: number; received: unknown }
  | { kind: 'unknown-placeholder'; placeholder: string; suggestion?: string; known: string[] }
  | { kind: 'multiline-template' }
  | { kind: 'invalid-pattern'; pattern: string; reason: string }
  | { kind: 'invalid-branch-prefix'; received: string; reason: BranchPrefixFlaw }
  | { kind: 'invalid-extends'; received: string }
  | { kind: 'label-clash'; label: string; queueLabelPath: string }
  | { kind: 'empty-rule' }
  | { kind: 'conflict-not-retryable' }
  | { kind: 'unexpected'; detail: string };

/** What a `yaml` error most likely means, so the fix can be specific. */
export type YamlSyntaxHint = 'tab-indent' | 'indentation' | 'custom-tag' | 'complex-key' | 'other';

export type ValueShape = 'mapping' | 'list' | 'text' | 'number' | 'whole number' | 'boolean';
export type SizedThing = 'number' | 'text' | 'list';
export type BranchPrefixFlaw = 'character' | 'double-dot' | 'leading' | 'lock-suffix';

export type ConfigWarningKind = 'subject-without-number' | 'type-placeholder-without-grammar';

export interface ConfigWarningFact {
  kind: ConfigWarningKind;
  keyPath: string;
}
