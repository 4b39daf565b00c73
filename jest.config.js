/**
 * Jest runs native ESM (`node --experimental-vm-modules`) and compiles TypeScript with SWC.
 * Imports in the sources carry `.js` extensions (NodeNext); the mapper points them back at
 * the `.ts` files.
 * @type {import('jest').Config}
 */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: { parser: { syntax: 'typescript' }, target: 'es2023' },
        module: { type: 'es6' },
        sourceMaps: 'inline',
      },
    ],
  },
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  reporters: [
    '<rootDir>/test/support/default-reporter.js',
    '<rootDir>/test/support/summary-reporter.js',
  ],
  globalTeardown: '<rootDir>/test/support/global-teardown.js',
  // No wall-clock budget per test: a busy machine is slow, not broken. Waits fail on a stall
  // instead (nothing moved for SLUICE_STALL_MS, default 120 s; see test/fake-github/control/
  // wait-for-progress.ts); this only bounds a test that hangs outside any such wait.
  testTimeout: 30 * 60_000,
  // Two workers even on two cores: the tests mostly wait on git and HTTP. In band, each test
  // file's module registry (GitHub's OpenAPI description, 100+ MB) piled up in one process
  // until GC dominated (21 minutes instead of 5); a worker is replaced once it holds 1 GB.
  maxWorkers: 2,
  workerIdleMemoryLimit: '1GB',
};
