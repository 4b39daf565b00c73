import type { Account, Issue, RepoState } from '../world/types.js';
import type { Services } from '../world/services.js';
import { notFound } from '../http/github-error.js';
import { prepareIssueEvents } from './issue-events.js';
import { addLabels } from './labels.js';
import { newIssue } from './pulls/pull-record.js';

/** Issues and pull requests share one number space; a missing number is GitHub's plain 404. */
export function requireIssue(repo: RepoState, number: number): Issue {
  const issue = repo.issues.get(number);
  if (!issue) throw notFound();
  return issue;
}

export interface CreateIssueInput {
  repo: RepoState;
  author: Account;
  title: string;
  body?: string | null;
  labels?: string[];
}

/** A plain issue: `issues.opened`, then one `issues.labeled` per initial label, as GitHub sends them. */
export async function createIssue(services: Services, input: CreateIssueInput): Promise<Issue> {
  const { world } = services;
  const now = world.clock.tick();
  const issue = newIssue(world, input.repo, {
    title: input.title,
    body: input.body ?? null,
    author: input.author,
    at: now,
  });
  input.repo.issues.set(issue.number, issue);
  (await prepareIssueEvents(services, input.repo, issue))('opened', input.author);
  if (input.labels && input.labels.length > 0) {
    await addLabels(services, {
      repo: input.repo,
      issue,
      names: input.labels,
      actor: input.author,
    });
  }
  return issue;
}
