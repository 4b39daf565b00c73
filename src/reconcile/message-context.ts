import { defaultConfig, type ParseConfigResult, type SluiceConfig } from '../config/index.js';
import type { HelpContext, QueueMessageContext } from '../messages/index.js';
import type { QueueSnapshot, Staging } from '../queue/types.js';
import { configPath } from './load-config.js';

/** What the messages module needs to know about this queue. */
export function messageContext(
  snapshot: Pick<QueueSnapshot, 'baseBranch' | 'config'> &
    Partial<Pick<QueueSnapshot, 'paused'>> & { stagings: readonly StagingChecks[] },
  config: SluiceConfig | undefined,
  repoUrl?: string,
): QueueMessageContext {
  return {
    baseBranch: snapshot.baseBranch,
    queueLabel: config?.queue.label ?? 'merge-queue',
    minimumPermission: config?.queue.minimumPermission ?? 'write',
    stagingBranch: stagingBranch(config, snapshot.baseBranch),
    configPath,
    ...(repoUrl ? { repoUrl } : {}),
    // With several stagings live, a check name alone does not say whose check it is.
    ...(snapshot.stagings.length === 1 && snapshot.stagings[0]
      ? { checkUrls: checkUrlsOf(snapshot.stagings[0]) }
      : {}),
    stagingCheckUrls: Object.fromEntries(snapshot.stagings.map((s) => [s.sha, checkUrlsOf(s)])),
    ...(snapshot.config.ok ? {} : { configErrors: snapshot.config.errors }),
    // Every check run says it: a pause (or its end) rewrites them all, whatever their state.
    ...(snapshot.paused ? { paused: snapshot.paused } : {}),
  };
}

/** What `/sluice help` lists for a repository: its settings, or the defaults when the config is broken. */
export function helpContext(config: ParseConfigResult): HelpContext {
  const { queue } = config.ok ? config.config : defaultConfig;
  return {
    queueLabel: queue.label,
    minimumPermission: queue.minimumPermission,
    priorityLabels: queue.priority.labels,
    configPath,
    configBroken: !config.ok,
  };
}

/**
 * The branch of the staging at `position` in line (`sluice/staging/main/2`); without a
 * position, the pattern that matches them all (`sluice/staging/main/*`), which CI must run on.
 */
export function stagingBranch(
  config: SluiceConfig | undefined,
  base: string,
  position?: number,
): string {
  return `${config?.queue.stagingBranchPrefix ?? 'sluice/staging/'}${base}/${position ?? '*'}`;
}

type StagingChecks = Pick<Staging, 'sha' | 'checks'>;

function checkUrlsOf(staging: StagingChecks): Record<string, string> {
  return Object.fromEntries(staging.checks.flatMap((c) => (c.url ? [[c.name, c.url]] : [])));
}

/**
 * GitHub has no server-side merge in the git data API: merges happen on this scratch branch.
 * It sits beside the staging prefix (`sluice/staging-scratch/main`), never under it: CI runs
 * on `sluice/staging/**`, and every merge there would start a workflow run nobody needs.
 */
export function scratchBranch(config: SluiceConfig | undefined, base: string): string {
  const prefix = (config?.queue.stagingBranchPrefix ?? 'sluice/staging/').replace(/\/+$/, '');
  return `${prefix}-scratch/${base}`;
}
