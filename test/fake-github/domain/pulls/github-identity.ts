import type { Identity } from '../../git/index.js';

/** The committer of every commit GitHub makes itself: merges, squashes, rebases, test merges. */
export const githubCommitter: Identity = { name: 'GitHub', email: 'noreply@github.com' };
