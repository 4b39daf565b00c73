import type { Account, Issue, Label, RepoState } from '../world/types.js';
import type { World } from '../world/world.js';
import type { Services } from '../world/services.js';
import { GitHubError, validationFailed } from '../http/github-error.js';
import { renderLabel } from '../render/basics.js';
import { prepareIssueEvents, type IssueEventSender } from './issue-events.js';

/** The grey GitHub gives labels created implicitly by add-labels. */
const implicitLabelColor = 'ededed';

/** Label names are case-insensitive on GitHub: `Bug` finds `bug`. */
export function findLabel(repo: RepoState, name: string): Label | undefined {
  return repo.labels.get(name.toLowerCase());
}

export interface NewLabel {
  name: string;
  /** Six hex digits, with or without the leading `#`. */
  color?: string;
  description?: string | null;
}

export function createLabel(world: World, repo: RepoState, input: NewLabel): Label {
  if (findLabel(repo, input.name)) throw validationFailed('Label', 'name', 'already_exists');
  const color = (input.color ?? implicitLabelColor).replace(/^#/, '').toLowerCase();
  if (!/^[0-9a-f]{6}$/.test(color)) throw validationFailed('Label', 'color', 'invalid');
  const label: Label = {
    id: world.ids.next('label'),
    name: input.name,
    color,
    description: input.description ?? null,
    default: false,
  };
  repo.labels.set(label.name.toLowerCase(), label);
  return label;
}

export function labelsOn(repo: RepoState, issue: Issue): Label[] {
  return issue.labels.flatMap((name) => findLabel(repo, name) ?? []);
}

function hasLabel(issue: Issue, name: string): boolean {
  return issue.labels.some((n) => n.toLowerCase() === name.toLowerCase());
}

export interface LabelChange {
  repo: RepoState;
  issue: Issue;
  names: string[];
  /** The user, or the app's bot when done with an installation token: the webhooks' sender. */
  actor: Account;
}

/**
 * Adds labels, creating missing ones in the repository. One `labeled` webhook per label
 * newly on the issue, none for labels it already had. Answers the issue's full label list.
 */
export async function addLabels(services: Services, change: LabelChange): Promise<Label[]> {
  const { world } = services;
  const { repo, issue, actor } = change;
  const send = await prepareIssueEvents(services, repo, issue);
  for (const name of change.names) {
    const label = findLabel(repo, name) ?? createLabel(world, repo, { name });
    if (hasLabel(issue, label.name)) continue;
    issue.labels.push(label.name);
    issue.updatedAt = world.clock.now();
    recordTimeline(world, issue, 'labeled', actor, label);
    send('labeled', actor, { label: renderLabel(world, repo, label) });
  }
  return labelsOn(repo, issue);
}

export interface LabelRemoval {
  repo: RepoState;
  issue: Issue;
  name: string;
  actor: Account;
}

export async function removeLabel(services: Services, removal: LabelRemoval): Promise<Label[]> {
  const { repo, issue, name, actor } = removal;
  if (!hasLabel(issue, name)) throw new GitHubError(404, 'Label does not exist');
  const send = await prepareIssueEvents(services, repo, issue);
  detach(services, { repo, issue, name, actor }, send);
  return labelsOn(repo, issue);
}

/**
 * Removes the labels the issue carries and skips the others (GraphQL's
 * `removeLabelsFromLabelable`: a label that is not there is already removed). Each removal is
 * the one REST `removeLabel` makes: an `unlabeled` webhook and timeline event per label.
 */
export async function removeLabels(services: Services, change: LabelChange): Promise<Label[]> {
  const { repo, issue, actor } = change;
  const present = change.names.filter((name) => hasLabel(issue, name));
  if (present.length === 0) return labelsOn(repo, issue);
  const send = await prepareIssueEvents(services, repo, issue);
  for (const name of present) {
    // The same label named twice is removed once.
    if (hasLabel(issue, name)) detach(services, { repo, issue, name, actor }, send);
  }
  return labelsOn(repo, issue);
}

/** Replaces the issue's labels: `unlabeled` for each one dropped, then `labeled` for each new one. */
export async function setLabels(services: Services, change: LabelChange): Promise<Label[]> {
  const { repo, issue, actor } = change;
  const send = await prepareIssueEvents(services, repo, issue);
  const dropped = issue.labels.filter(
    (current) => !change.names.some((n) => n.toLowerCase() === current.toLowerCase()),
  );
  for (const name of dropped) detach(services, { repo, issue, name, actor }, send);
  return addLabels(services, change);
}

function detach(services: Services, removal: LabelRemoval, send: IssueEventSender): void {
  const { repo, issue, name, actor } = removal;
  const label = findLabel(repo, name);
  issue.labels = issue.labels.filter((n) => n.toLowerCase() !== name.toLowerCase());
  issue.updatedAt = services.world.clock.now();
  if (!label) return;
  recordTimeline(services.world, issue, 'unlabeled', actor, label);
  send('unlabeled', actor, { label: renderLabel(services.world, repo, label) });
}

function recordTimeline(
  world: World,
  issue: Issue,
  event: 'labeled' | 'unlabeled',
  actor: Account,
  label: Label,
): void {
  issue.timeline ??= [];
  issue.timeline.push({
    id: world.ids.next('issue_event'),
    event,
    actor,
    label: { name: label.name, color: label.color },
    createdAt: world.clock.now(),
  });
}
