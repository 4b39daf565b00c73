import type { Plan } from '../plan.js';
import type { ObservedPull, QueueCommand, QueueEntry } from '../types.js';
import type { SluiceConfig } from '../../config/index.js';
import type { Refusal } from '../effects.js';
import { hasAtLeast } from '../permissions.js';
import { priorityLabel } from '../priority-label.js';
import { hasConventionalTitle } from '../title-grammar.js';

/**
 * Turns requests (label added, `/sluice queue|dequeue|retry`, check run buttons) into queue
 * changes. Anyone can ask; only people with the configured permission are obeyed, and the PR
 * is told why when they are not. `/sluice queue --priority …` queues at that priority, or
 * changes the priority of a PR already queued.
 */
export function handleCommands(plan: Plan, config: SluiceConfig): void {
  const { snapshot } = plan;
  const ordered = [...snapshot.commands].sort((a, b) => a.at.getTime() - b.at.getTime());
  const activeByPr = new Map(snapshot.entries.map((e) => [e.pr, e]));
  for (const command of ordered) {
    const pull = snapshot.pulls.find((p) => p.number === command.pr);
    const entry = activeByPr.get(command.pr);
    switch (command.kind) {
      case 'queue':
      case 'retry':
        if (entry) changePriority(plan, config, command, entry);
        else admit(plan, config, command, pull, activeByPr);
        break;
      case 'dequeue':
        leaveByCommand(plan, config, command, pull, entry);
        break;
    }
  }
}

function admit(
  plan: Plan,
  config: SluiceConfig,
  command: QueueCommand,
  pull: ObservedPull | undefined,
  activeByPr: Map<number, QueueEntry>,
): void {
  const refusal = refusalFor(plan, config, command, pull);
  if (!pull || refusal) {
    plan.add({
      kind: 'refuse',
      pr: command.pr,
      headSha: pull?.headSha ?? '',
      commandId: command.id,
      reason: refusal ?? { kind: 'closed' },
      removeLabel: pull !== undefined && pull.labels.includes(config.queue.label),
    });
    return;
  }
  const label = priorityLabel(pull.labels, config);
  plan.add({
    kind: 'enqueue',
    pr: pull.number,
    headSha: pull.headSha,
    by: command.by,
    commandId: command.id,
    priority: command.priority ?? label?.priority ?? 'normal',
    priorityLabel: label?.label ?? null,
  });
  // A second request for the same PR in this batch is a duplicate, not a new entry.
  activeByPr.set(pull.number, { id: `pending:${command.id}`, pr: pull.number } as QueueEntry);
}

/** A request for a PR already queued: only a new priority changes anything. */
function changePriority(
  plan: Plan,
  config: SluiceConfig,
  command: QueueCommand,
  entry: QueueEntry,
): void {
  // Remaining entries carry the priority an earlier request of this batch gave.
  const current = plan.remaining().find((e) => e.id === entry.id);
  const wanted = command.priority;
  if (!current || wanted === undefined || wanted === current.priority) {
    plan.add({ kind: 'drop-command', commandId: command.id });
    return;
  }
  const needs = config.queue.minimumPermission;
  if (!hasAtLeast(command.permission, needs)) {
    plan.add({
      kind: 'refuse',
      pr: entry.pr,
      headSha: entry.headSha,
      commandId: command.id,
      reason: { kind: 'priority-permission', by: command.by, has: command.permission, needs },
      removeLabel: false,
    });
    return;
  }
  plan.add({
    kind: 'set-priority',
    entryId: entry.id,
    pr: entry.pr,
    headSha: entry.headSha,
    from: current.priority,
    to: wanted,
    priorityLabel: current.priorityLabel,
    cause: { kind: 'command', by: command.by, commandId: command.id },
  });
}

function refusalFor(
  plan: Plan,
  config: SluiceConfig,
  command: QueueCommand,
  pull: ObservedPull | undefined,
): Refusal | undefined {
  const needs = config.queue.minimumPermission;
  if (!hasAtLeast(command.permission, needs))
    return { kind: 'permission', by: command.by, has: command.permission, needs };
  if (!pull || pull.state === 'closed' || pull.merged) return { kind: 'closed' };
  if (pull.draft) return { kind: 'draft' };
  if (config.mergeMessage.requireConventionalTitle && !hasConventionalTitle(pull.title)) {
    return { kind: 'title-grammar', title: pull.title };
  }
  const streak = plan.snapshot.failureStreaks[pull.number];
  const blockedAfter = config.gates.blockAfterConsecutiveFailures;
  if (
    command.kind !== 'retry' &&
    streak &&
    streak.headSha === pull.headSha &&
    streak.count >= blockedAfter
  ) {
    return { kind: 'blocked', failures: streak.count };
  }
  return undefined;
}

function leaveByCommand(
  plan: Plan,
  config: SluiceConfig,
  command: QueueCommand,
  pull: ObservedPull | undefined,
  entry: QueueEntry | undefined,
): void {
  const mayDequeue =
    hasAtLeast(command.permission, config.queue.minimumPermission) || pull?.author === command.by;
  if (!entry || !mayDequeue || plan.isLeaving(entry)) {
    plan.add({ kind: 'drop-command', commandId: command.id });
    return;
  }
  plan.add({
    kind: 'dequeue',
    entryId: entry.id,
    pr: entry.pr,
    headSha: entry.headSha,
    reason: { kind: 'command', by: command.by },
    removeLabel: pull?.labels.includes(config.queue.label) ?? false,
    addLabels: [],
    consecutiveFailures: 0,
  });
  plan.add({ kind: 'drop-command', commandId: command.id });
}
