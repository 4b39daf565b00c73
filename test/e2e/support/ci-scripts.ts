import type { CiScript, JobScript } from '../../fake-github/ci/types.js';

/** A CI that runs `build` and `test` on staging branches, stepped by the test. */
export function stagingCi(jobs: JobScript[] = [{ name: 'build' }, { name: 'test' }]): CiScript {
  return {
    mode: 'manual',
    workflows: [
      { name: 'CI', file: '.github/workflows/ci.yml', on: { push: ['sluice/staging/**'] }, jobs },
    ],
  };
}
