import type { SluiceConfig } from '../config/index.js';
import type { QueueMessageContext } from '../messages/index.js';
import type { QueueSnapshot } from '../queue/types.js';
import { configPath } from './load-config.js';

/** What the messages module needs to know about this queue. */
export function messageContext(
  snapshot: QueueSnapshot,
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
    checkUrls: Object.fromEntries(
      snapshot.stagingChecks.flatMap((c) => (c.url ? [[c.name, c.url]] : [])),
    ),
    ...(snapshot.config.ok ? {} : { configErrors: snapshot.config.errors }),
  };
}

export function stagingBranch(config: SluiceConfig | undefined, base: string): string {
  return `${config?.queue.stagingBranchPrefix ?? 'sluice/staging/'}${base}`;
}

/** GitHub has no server-side merge in the git data API: merges happen on this scratch branch. */
export function scratchBranch(config: SluiceConfig | undefined, base: string): string {
  return `${config?.queue.stagingBranchPrefix ?? 'sluice/staging/'}${base}-scratch`;
}
