/**
 * GitHub's branch filter patterns (`on.push.branches`): `*` matches within one path segment,
 * `**` across `/`, `?` one character; a pattern starting with `!` excludes what earlier
 * patterns included, and the last matching pattern wins.
 */
export function matchesBranchFilters(branch: string, patterns: string[]): boolean {
  let matched = false;
  for (const pattern of patterns) {
    const negated = pattern.startsWith('!');
    if (globToRegExp(negated ? pattern.slice(1) : pattern).test(branch)) matched = !negated;
  }
  return matched;
}

function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i]!;
    if (char === '*' && glob[i + 1] === '*') {
      source += '.*';
      i++;
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}
