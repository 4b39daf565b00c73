/**
 * Whether `value` holds more than `limit` values once shared subtrees are counted every
 * time they appear. js-yaml shares one object per anchor, so a tiny document of nested
 * aliases is cheap to load but expands exponentially for anything that walks it (the
 * schema, the merge). Values are counted as they are queued, so the walk never holds or
 * visits more than `limit` of them whatever the input.
 */
export function exceedsExpandedValues(value: unknown, limit: number): boolean {
  let counted = 1;
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const next = pending.pop();
    if (typeof next !== 'object' || next === null) continue;
    const children: unknown[] = Array.isArray(next) ? next : Object.values(next);
    counted += children.length;
    if (counted > limit) return true;
    pending.push(...children);
  }
  return false;
}
