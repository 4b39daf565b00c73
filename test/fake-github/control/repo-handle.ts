import type { Services } from '../world/services.js';
import type { RepoState } from '../world/types.js';
import type { CiScript } from '../ci/types.js';
import type { CompleteFilter } from '../ci/manual-steps.js';
import * as pulls from './pull-ops.js';
import * as issues from './repo-ops.js';
import * as ci from './ci-ops.js';
import { listJobs, listRuns, readJobLog } from './ci-snapshots.js';
import { createRelease, type NewRelease } from '../domain/releases.js';

type Without<T, K extends keyof T> = Omit<T, K>;

/**
 * One repository of the stand-in, as a test drives it: people open and push PRs, label,
 * comment and review; the admin protects branches; CI is scripted and stepped. Every action
 * runs the same domain code as the REST API, so the app under test gets the same webhooks.
 */
export class RepoHandle {
  constructor(
    readonly services: Services,
    readonly state: RepoState,
  ) {}

  get fullName(): string {
    return this.state.fullName;
  }

  get git(): RepoState['git'] {
    return this.state.git;
  }

  openPullRequest(input: Without<pulls.OpenPullRequestInput, 'repo'>) {
    return pulls.openPullRequest(this.services, { ...input, repo: this.state });
  }
  pushToPullRequest(number: number, input: { commits: pulls.CommitSpec[]; by?: string }) {
    return pulls.pushToPullRequest(this.services, { repo: this.state, number, ...input });
  }
  closePullRequest(number: number, by?: string) {
    return pulls.closePullRequest(this.services, {
      repo: this.state,
      number,
      ...(by ? { by } : {}),
    });
  }
  pull(number: number) {
    return pulls.readPullRequest(this.services, { repo: this.state, number });
  }

  label(number: number, label: string, by: string) {
    return issues.addLabel(this.services, { repo: this.state, number, label, by });
  }
  unlabel(number: number, label: string, by: string) {
    return issues.removeLabel(this.services, { repo: this.state, number, label, by });
  }
  comment(number: number, body: string, by: string) {
    return issues.comment(this.services, { repo: this.state, number, body, by });
  }
  approve(number: number, by: string) {
    return issues.approve(this.services, { repo: this.state, number, by });
  }
  labels(number: number): string[] {
    return issues.labelsOf(this.services, { repo: this.state, number });
  }
  comments(number: number) {
    return issues.commentsOf(this.services, { repo: this.state, number });
  }

  /** Sends `branch_protection_rule` (created, edited or deleted) to apps subscribed to it. */
  protect(
    branch: string,
    protection: Parameters<typeof issues.setBranchProtection>[1]['protection'],
    by?: string,
  ) {
    return issues.setBranchProtection(this.services, {
      repo: this.state,
      branch,
      protection,
      ...(by === undefined ? {} : { by }),
    });
  }
  /** Rulesets send `repository_ruleset` (created, edited, deleted) to apps subscribed to it. */
  addRuleset(input: Without<issues.RulesetInput, 'repo'>) {
    return issues.addRuleset(this.services, { ...input, repo: this.state });
  }
  editRuleset(id: number, input: Without<issues.RulesetInput, 'repo'>) {
    return issues.editRuleset(this.services, { ...input, id, repo: this.state });
  }
  removeRuleset(id: number, by?: string) {
    return issues.removeRuleset(this.services, {
      repo: this.state,
      id,
      ...(by === undefined ? {} : { by }),
    });
  }
  setRole(login: string, role: Parameters<typeof issues.setCollaboratorRole>[1]['role']) {
    return issues.setCollaboratorRole(this.services, { repo: this.state, login, role });
  }

  /** A person pushes a commit straight to a branch (e.g. someone else lands on main). */
  async push(input: {
    branch: string;
    files: Record<string, string | null>;
    message: string;
    by: string;
  }): Promise<string> {
    const account = this.services.world.account(input.by);
    const before = (await this.git.resolveRef(`refs/heads/${input.branch}`)) ?? '0'.repeat(40);
    const result = await this.git.commitFiles({
      branch: input.branch,
      files: input.files,
      message: input.message,
      author: { name: account.login, email: account.email },
      date: this.services.world.clock.tick(),
    });
    await this.services.refs.refsChanged({
      repo: this.state,
      changes: [{ ref: `refs/heads/${input.branch}`, before, after: result.sha }],
      pusher: account,
    });
    return result.sha;
  }

  /** Someone with push access publishes a release (or saves a draft); a new tag is pushed. */
  release(input: Without<NewRelease, 'repo' | 'author' | 'race'> & { by: string }) {
    const { by, ...release } = input;
    const author = this.services.world.account(by);
    return createRelease(this.services, { ...release, repo: this.state, author });
  }

  scriptCi(script: CiScript): void {
    ci.scriptCi(this.services, { repo: this.state, script });
  }
  completeCi(filter: CompleteFilter = {}) {
    return ci.completeCi(this.services, { ...filter, repo: this.state });
  }
  finishCi() {
    return ci.finishAllCi(this.services, { repo: this.state });
  }
  pendingCi() {
    return ci.pendingCi(this.services, { repo: this.state });
  }
  /** At most `limit` jobs run at once (null: no limit, the default); see `ciRunners()`. */
  setCiRunners(limit: number | null) {
    return ci.setCiRunners(this.services, { repo: this.state, limit });
  }
  ciRunners() {
    return ci.ciRunners(this.services, { repo: this.state });
  }
  runs(sha?: string) {
    return listRuns(this.services, { repo: this.state, ...(sha ? { sha } : {}) });
  }
  jobs(filter: Without<Parameters<typeof listJobs>[1], 'repo'> = {}) {
    return listJobs(this.services, { ...filter, repo: this.state });
  }
  jobLog(jobId: number) {
    return readJobLog(this.services, { repo: this.state, jobId });
  }
  /** Check runs on a commit, newest first (all apps). */
  checkRuns(sha: string) {
    return [...this.state.checkRuns.values()]
      .filter((c) => c.headSha === sha)
      .sort((a, b) => b.id - a.id);
  }
}
