import { z } from 'zod';

export const landingSection = z
  .strictObject({
    /**
     * Fast-forward makes the base branch byte-for-byte the commit CI tested and still marks
     * the PR merged; the merge API is the fallback for heads Sluice may not write (forks
     * without "allow edits by maintainers"), decided per PR by the reconciler.
     */
    strategy: z
      .enum(['fast-forward', 'merge-api'])
      .default('fast-forward')
      .describe(
        'How a tested staging commit lands. `fast-forward` moves the PR head and then the base branch to the exact commit CI tested; when Sluice cannot write the PR head (a fork without maintainer edits) it falls back to `merge-api` for that PR. `merge-api` always squash-merges through the API with the head pinned, and checks that the landed tree equals the tested one.',
      ),
    /**
     * Off by default: every landed PR already says so twice (GitHub's "Merged", and its
     * `Sluice` check run naming the commit), so the comment is one more request per PR.
     */
    comment: z
      .boolean()
      .default(false)
      .describe(
        'When `true`, Sluice also comments on each pull request it lands with the commit it landed as. Off by default: the pull request already shows "Merged" (GitHub notifies its subscribers) and its `Sluice` check run names the commit it landed as, so the comment repeats them at one API request per pull request. A pull request merged outside the queue, or dequeued, is still told in a comment.',
      ),
  })
  .prefault({})
  .meta({ title: 'Landing', description: 'How a green staging commit reaches the base branch.' });
