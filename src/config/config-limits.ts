/**
 * Bounds on what Sluice will read from a repository, which anyone with push access to the
 * default branch controls. A real `.github/sluice.yml` is a few kilobytes, a few levels
 * deep, with a few hundred values.
 */
export const configLimits = {
  /** UTF-8 bytes of one file. */
  maxBytes: 64 * 1024,
  /** Nested mappings and lists; the schema itself is four levels deep. */
  maxDepth: 32,
  /**
   * `yaml`'s `maxAliasCount`: how often an anchored value may be repeated through aliases,
   * counting the aliases inside it each time it is (stops "billion laughs" documents).
   */
  maxAliasCount: 100,
} as const;
