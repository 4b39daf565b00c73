import type { ConfigDocument, LocatedNode } from './types.js';

/**
 * Probot's `_extends`: `override` (the repository's file) on top of `base` (the file it
 * extends). Mappings merge key by key, anything else in `override` replaces what `base`
 * had (lists included, so a repository can shorten an inherited list). Positions travel
 * with their values, so an error in an inherited setting still names the inherited file.
 * The consumed `_extends` key is dropped; chains are resolved by merging pairwise from
 * the most distant base.
 */
export function mergeConfigs(base: ConfigDocument, override: ConfigDocument): ConfigDocument {
  const merged = mergeNodes(base.value, base.locations, override.value, override.locations);
  const { _extends: _consumed, ...value } = merged.value as Record<string, unknown>;
  const locations = merged.node ?? override.locations;
  locations.children.delete('_extends');
  return { path: override.path, value, locations };
}

function mergeNodes(
  baseValue: unknown,
  baseNode: LocatedNode | undefined,
  overrideValue: unknown,
  overrideNode: LocatedNode | undefined,
): { value: unknown; node: LocatedNode | undefined } {
  if (!isMapping(baseValue) || !isMapping(overrideValue)) {
    return { value: overrideValue, node: overrideNode };
  }
  const keys = new Set([...Object.keys(baseValue), ...Object.keys(overrideValue)]);
  const entries: Array<[string, unknown]> = [];
  const children = new Map<string, LocatedNode>();
  for (const key of keys) {
    const inOverride = Object.hasOwn(overrideValue, key);
    const child = inOverride
      ? Object.hasOwn(baseValue, key)
        ? mergeNodes(
            baseValue[key],
            baseNode?.children.get(key),
            overrideValue[key],
            overrideNode?.children.get(key),
          )
        : { value: overrideValue[key], node: overrideNode?.children.get(key) }
      : { value: baseValue[key], node: baseNode?.children.get(key) };
    entries.push([key, child.value]);
    if (child.node !== undefined) children.set(key, child.node);
  }
  // fromEntries defines own properties, so a `__proto__` key stays data, not a prototype.
  const node: LocatedNode = { ...(overrideNode ?? baseNode ?? { file: '', children }), children };
  return { value: Object.fromEntries(entries), node };
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
