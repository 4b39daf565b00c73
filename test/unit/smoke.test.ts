import { describe, expect, it } from '@jest/globals';

describe('toolchain', () => {
  it('runs TypeScript tests as native ESM', () => {
    expect(typeof import.meta.url).toBe('string');
  });
});
