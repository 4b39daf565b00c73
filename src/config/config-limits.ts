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
  /** Values after expanding aliases: stops "billion laughs" documents. */
  maxExpandedValues: 10_000,
} as const;
