import type { RepoGitHub } from './port.js';
import type { RepoContext } from './repo-context.js';
import { branchSha, defaultBranch, repositoryNodeId } from './repository-facts.js';
import { readFile } from './read-file.js';
import { readQueuePulls } from './queue-pulls.js';
import { getPull } from './get-pull.js';
import { listLabeledPulls } from './list-labeled-pulls.js';
import { reviewState } from './review-state.js';
import { permissionOf } from './permission-of.js';
import { labeledBy } from './labeled-by.js';
import { requiredPolicy } from './required-policy.js';
import { checksOn } from './checks-on.js';
import { checksOnCommits } from './checks-on-commits.js';
import { getCommit } from './commit-reads.js';
import { stagingView, stagingViews } from './staging-view.js';
import { conflictCandidates } from './conflict-candidates.js';
import { mergeTree, mergeTrees } from './merge-tree.js';
import { createCommit } from './create-commit.js';
import { deleteBranchAt, setBranchAt } from './ref-writes.js';
import { updateRefs } from './update-refs.js';
import { landingView } from './landing-view.js';
import { mergePull } from './merge-pull.js';
import { addLabels, comment, removeLabel } from './issue-writes.js';
import { findCheckRun, writeCheckRun } from './write-check-run.js';
import { writeNotices } from './write-notices.js';
import { hasComment, labelsOn } from './issue-reads.js';
import { failingJobs } from './failing-jobs.js';
import { jobLog } from './job-log.js';
import { rerunFailedJobs } from './rerun-failed-jobs.js';
import { cancelRunsFor } from './cancel-runs-for.js';

/**
 * The port over a Probot Octokit for one repository. Reads keep Probot's retries (a repeated
 * read is harmless); decision writes are sent once, and their failures come back as typed
 * outcomes for the orchestrator to look at before it tries again.
 */
export function createRepoGitHub(ctx: RepoContext): RepoGitHub {
  const { owner, repo } = ctx;
  const here = (branch: string) => ({ owner, repo, branch });
  return {
    owner,
    repo,
    defaultBranch: () => defaultBranch(ctx),
    repositoryId: () => repositoryNodeId(ctx),
    readFile: (path, ref) => readFile(ctx, { repo, path, ref }),
    readFileIn: (other, path, ref) => readFile(ctx, { repo: other, path, ref }),
    branchSha: (branch) => branchSha(ctx, branch),
    getPull: (number) => getPull(ctx, number),
    readPulls: (numbers) => readQueuePulls(ctx, numbers),
    listLabeledPulls: (base, label) => listLabeledPulls(ctx, base, label),
    reviewState: (number, headSha) => reviewState(ctx, number, headSha),
    permissionOf: (login) => permissionOf(ctx, login),
    labeledBy: (number, label) => labeledBy(ctx, number, label),
    requiredPolicy: (branch) => requiredPolicy(ctx, branch),
    checksOn: (sha, required) => checksOn(ctx, sha, required),
    checksOnCommits: (shas) => checksOnCommits(ctx, shas),
    getCommit: (sha) => getCommit(ctx, sha),
    stagingView: (number) => stagingView(ctx, number),
    landingView: (numbers, input) => landingView(ctx, numbers, input),
    conflictCandidates: (number, baseSha) => conflictCandidates(ctx, number, baseSha),
    mergeTree: (base, heads, scratchRef) => mergeTree(ctx, base, heads, scratchRef),
    mergeTrees: (base, heads, scratchRef) => mergeTrees(ctx, base, heads, scratchRef),
    stagingViews: (numbers) => stagingViews(ctx, numbers),
    createCommit: (input) => createCommit(ctx, input),
    setBranch: (branch, sha, options) => setBranchAt(ctx, here(branch), sha, options),
    deleteBranch: (branch) => deleteBranchAt(ctx, here(branch)),
    updateRefs: (repositoryId, updates) => updateRefs(ctx, repositoryId, updates),
    setBranchIn: (fullName, branch, sha, options) => {
      const [otherOwner = '', otherRepo = ''] = fullName.split('/');
      return setBranchAt(ctx, { owner: otherOwner, repo: otherRepo, branch }, sha, options);
    },
    mergePull: (number, input) => mergePull(ctx, number, input),
    addLabels: (number, labels) => addLabels(ctx, number, labels),
    removeLabel: (number, label) => removeLabel(ctx, number, label),
    comment: (number, body) => comment(ctx, number, body),
    writeCheckRun: (check, id) => writeCheckRun(ctx, check, id),
    writeNotices: (repositoryId, writes) => writeNotices(ctx, repositoryId, writes),
    labelsOn: (number) => labelsOn(ctx, number),
    hasComment: (number, marker) => hasComment(ctx, number, marker),
    findCheckRun: (input) => findCheckRun(ctx, input),
    failingJobs: (sha, checkNames) => failingJobs(ctx, sha, checkNames),
    jobLog: (checkRunId) => jobLog(ctx, checkRunId),
    rerunFailedJobs: (runId) => rerunFailedJobs(ctx, runId),
    cancelRunsFor: (sha) => cancelRunsFor(ctx, sha),
  };
}
