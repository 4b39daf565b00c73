import type { CiMode, CiScript, JobScript } from '../../fake-github/ci/types.js';

/**
 * A CI that runs `build` and `test` on staging branches: stepped by the test (`manual`, the
 * default), or finishing on the stand-in's virtual clock (`auto`).
 */
export function stagingCi(
  jobs: JobScript[] = [{ name: 'build' }, { name: 'test' }],
  options: { mode?: CiMode } = {},
): CiScript {
  return {
    mode: options.mode ?? 'manual',
    workflows: [
      { name: 'CI', file: '.github/workflows/ci.yml', on: { push: ['sluice/staging/**'] }, jobs },
    ],
  };
}
