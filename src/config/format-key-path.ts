export type KeyPath = ReadonlyArray<string | number>;

/** `['gates', 'rules', 0, 'class']` → `gates.rules[0].class`, the form people search for. */
export function formatKeyPath(path: KeyPath): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (/^[\w-]+$/.test(segment)) text += text === '' ? segment : `.${segment}`;
    else text += `[${JSON.stringify(segment)}]`;
  }
  return text;
}
