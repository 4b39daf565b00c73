import { GitHubCallError } from '../github/github-errors.js';
import type { PullDetails } from '../github/port.js';
import { configPath, loadConfig } from '../reconcile/load-config.js';
import { liveStagingStates as inFlightStates } from '../store/index.js';
import type { StagingRecord, Store } from '../store/types.js';
import { findUnqueuedLabeled } from './compare-entries.js';
import type { DoctorGitHub } from './doctor-github.js';
import type {
  ConfigView,
  GitHubView,
  PullFacts,
  RepoObservation,
  StoreQueue,
} from './observation.js';
import { planLookups } from './plan-lookups.js';

const scratchSuffix = '-scratch';
import type { Unchecked } from './types.js';

export type RepoAccess =
  | { kind: 'checked'; github: DoctorGitHub; defaultBranch: string }
  | { kind: 'unchecked'; why: Unchecked };

/** Reads what the comparison needs: the store's rows for the repository, then GitHub's side. */
export async function observeRepo(input: {
  repo: string;
  bases: string[];
  store: Store;
  access: RepoAccess;
  now: Date;
}): Promise<RepoObservation> {
  const { repo, store, now } = input;
  const queues = await readStoreQueues(store, repo, input.bases);
  const openRows = await store.journal.listOpen(repo);
  const base = { repo, now, queues, openRows };
  if (input.access.kind === 'unchecked') return { ...base, github: input.access };
  try {
    const view = await observeGitHub({ ...base, store, ...input.access });
    return { ...base, github: { kind: 'checked', view } };
  } catch (error) {
    if (!(error instanceof GitHubCallError)) throw error;
    return {
      ...base,
      github: { kind: 'unchecked', why: { kind: 'unreadable', message: error.message } },
    };
  }
}

async function readStoreQueues(store: Store, repo: string, bases: string[]): Promise<StoreQueue[]> {
  return Promise.all(
    bases.map(async (base) => ({
      base,
      entries: await store.queue.list({ repo, base }),
      pendingCommands: await store.commands.listPending({ repo, base }),
      inFlight: await store.staging.list({ repo, base, states: [...inFlightStates] }),
    })),
  );
}

async function observeGitHub(input: {
  repo: string;
  now: Date;
  queues: StoreQueue[];
  openRows: RepoObservation['openRows'];
  store: Store;
  github: DoctorGitHub;
  defaultBranch: string;
}): Promise<GitHubView> {
  const { github, defaultBranch, queues } = input;
  const config = toConfigView(await loadConfig(github, defaultBranch));
  const lookups = planLookups(input);
  const pulls = new Map<number, PullFacts | null>();
  for (const number of lookups.pulls) pulls.set(number, toPullFacts(await github.getPull(number)));
  const branches = new Map<string, string | null>();
  for (const branch of lookups.branches)
    branches.set(branch, (await github.branchSha(branch)) ?? null);
  const labeled = new Map<string, number[]>();
  const labeledBy = new Map<number, string | undefined>();
  const lastRecordByRef = new Map<string, StagingRecord>();
  if (config.ok) {
    for (const base of new Set([defaultBranch, ...queues.map((q) => q.base)])) {
      const found = await github.listLabeledPulls(base, config.label);
      labeled.set(
        base,
        found.map((p) => p.number),
      );
    }
    for (const { number } of findUnqueuedLabeled(queues, labeled))
      labeledBy.set(number, await github.labeledBy(number, config.label));
    for (const { branch, sha } of await github.listBranches(config.stagingPrefix))
      branches.set(branch, sha);
    await findLastRecords(input, config.stagingPrefix, [...branches.keys()], lastRecordByRef);
  }
  return {
    defaultBranch,
    configPath,
    config,
    pulls,
    labeled,
    labeledBy,
    branches,
    lastRecordByRef,
  };
}

/**
 * The newest record of each leftover branch under the prefix: `<base>/<n>` and the older
 * `<base>` are a record's own ref; a scratch branch is its queue's, so it gets the newest
 * record of the queue. A base may contain slashes, so every reading of a name is tried and
 * only a record with exactly that ref counts.
 */
async function findLastRecords(
  input: { repo: string; store: Store },
  prefix: string,
  branches: string[],
  into: Map<string, StagingRecord>,
): Promise<void> {
  const listed = new Map<string, StagingRecord[]>();
  const recordsOf = async (base: string): Promise<StagingRecord[]> => {
    const known = listed.get(base);
    if (known) return known;
    const records = await input.store.staging.list({ repo: input.repo, base });
    listed.set(base, records);
    return records;
  };
  for (const branch of branches.filter((b) => b.startsWith(prefix))) {
    const rest = branch.slice(prefix.length);
    const scratch = rest.endsWith(scratchSuffix) ? rest.slice(0, -scratchSuffix.length) : null;
    const bases = new Set([
      rest,
      rest.replace(/\/\d+$/, ''),
      ...(scratch === null ? [] : [scratch]),
    ]);
    let last: StagingRecord | undefined;
    for (const base of bases)
      for (const record of await recordsOf(base))
        if (record.ref === branch && (!last || last.id < record.id)) last = record;
    if (!last && scratch !== null) last = (await recordsOf(scratch)).at(-1);
    if (last) into.set(branch, last);
  }
}

function toConfigView(loaded: Awaited<ReturnType<typeof loadConfig>>): ConfigView {
  if (!loaded.ok) return { ok: false, errors: loaded.errors };
  const { queue } = loaded.config;
  return {
    ok: true,
    label: queue.label,
    stagingPrefix: queue.stagingBranchPrefix,
    onPush: queue.onPush,
  };
}

function toPullFacts(details: PullDetails | undefined): PullFacts | null {
  if (!details) return null;
  const { pull } = details;
  return {
    number: pull.number,
    state: pull.state,
    merged: pull.merged,
    headSha: pull.headSha,
    labels: pull.labels,
  };
}
