import { GitHubCallError } from '../github/github-errors.js';
import type { Store } from '../store/types.js';
import { applyRepairs } from './apply-repairs.js';
import { compareRepo } from './compare-repo.js';
import type { AppSession } from './connect-github.js';
import { holdQueueLeases } from './hold-queue-leases.js';
import { observeRepo, type RepoAccess } from './observe-repo.js';
import type { RepoObservation } from './observation.js';
import type { StoreInventory } from './read-store-inventory.js';
import type { ConfigStatus, FindingResult, Note, QueueSummary, RepoReport } from './types.js';

export interface DoctorDeps {
  store: Store;
  inventory: StoreInventory;
  /** Undefined without credentials: the store alone is checked. */
  github: AppSession | undefined;
  now(): Date;
  /** The lease holder name `--fix` uses, like a replica's. */
  holder: string;
}

/**
 * Checks every repository the store or the app's installations know (or just `repo`), one at
 * a time: observe, compare, and with `fix` repair under the queues' leases.
 */
export async function runDoctor(
  deps: DoctorDeps,
  options: { repo?: string; fix: boolean },
): Promise<RepoReport[]> {
  const reports: RepoReport[] = [];
  for (const repo of await listRepos(deps, options.repo))
    reports.push(await checkRepo(deps, repo, options.fix));
  return reports;
}

/** The store's spelling wins: its queries match names exactly, GitHub's do not care. */
async function listRepos(deps: DoctorDeps, only: string | undefined): Promise<string[]> {
  const known = await deps.inventory.listRepos();
  const byKey = new Map(known.map((name) => [name.toLowerCase(), name]));
  if (only !== undefined) return [byKey.get(only.toLowerCase()) ?? only];
  for (const name of (await deps.github?.listRepositories()) ?? [])
    if (!byKey.has(name.toLowerCase())) byKey.set(name.toLowerCase(), name);
  return [...byKey.values()].sort((a, b) => a.localeCompare(b));
}

async function checkRepo(deps: DoctorDeps, repo: string, fix: boolean): Promise<RepoReport> {
  const storeBases = await deps.inventory.listBases(repo);
  const access = await connectRepo(deps, repo);
  const bases = [
    ...new Set([...storeBases, ...(access.kind === 'checked' ? [access.defaultBranch] : [])]),
  ];
  const now = deps.now();
  const leases = fix
    ? await holdQueueLeases(deps.store.leases, { repo, bases, holder: deps.holder, now })
    : undefined;
  try {
    const observation = await observeRepo({
      repo,
      bases: storeBases,
      store: deps.store,
      access,
      now,
    });
    const { findings, notes } = compareRepo(observation);
    notes.push(...(await hostNotes(deps, repo, access)));
    let results: FindingResult[] = findings;
    if (leases?.ok) {
      const github = access.kind === 'checked' ? access.github : undefined;
      results = await applyRepairs({ repo, store: deps.store, github, now }, findings);
    } else if (leases) {
      const busy = { kind: 'queue-busy' as const, holder: leases.holder, until: leases.until };
      results = findings.map((f) => (f.remedy.kind === 'repair' ? { ...f, outcome: busy } : f));
      notes.push({
        kind: 'queue-held',
        base: leases.base,
        holder: leases.holder,
        until: leases.until,
      });
    }
    return {
      repo,
      config: configStatus(observation),
      queues: summarizeQueues(observation),
      findings: results,
      notes,
      flakes: (await deps.store.flakes.list(repo)).map(({ repo: _, ...flake }) => flake),
    };
  } finally {
    if (leases?.ok) await leases.release();
  }
}

async function connectRepo(deps: DoctorDeps, repo: string): Promise<RepoAccess> {
  if (!deps.github) return { kind: 'unchecked', why: { kind: 'no-credentials' } };
  try {
    const github = await deps.github.repo(repo);
    if (!github) return { kind: 'unchecked', why: { kind: 'not-installed' } };
    return { kind: 'checked', github, defaultBranch: await github.defaultBranch() };
  } catch (error) {
    if (!(error instanceof GitHubCallError)) throw error;
    return { kind: 'unchecked', why: { kind: 'unreadable', message: error.message } };
  }
}

function configStatus(observation: RepoObservation): ConfigStatus | undefined {
  if (observation.github.kind !== 'checked') return undefined;
  const { config, configPath: path, defaultBranch: branch } = observation.github.view;
  return config.ok
    ? { valid: true, path, branch, label: config.label }
    : { valid: false, path, branch, errors: config.errors };
}

function summarizeQueues(observation: RepoObservation): QueueSummary[] {
  return observation.queues.map((queue) => ({
    base: queue.base,
    entries: queue.entries.map((e) => ({
      number: e.number,
      state: e.state,
      headSha: e.headSha,
      queuedBy: e.queuedBy,
      queuedAt: e.queuedAt,
    })),
    pendingRequests: queue.pendingCommands.length,
    stagings: queue.inFlight.map((r) => ({
      id: r.id,
      position: r.position,
      probe: r.probe,
      state: r.state,
      prs: r.prs.map((p) => p.number),
      sha: r.commitSha,
    })),
  }));
}

/** What is not wrong but an operator should know: how PRs land here, what is still to be told. */
async function hostNotes(deps: DoctorDeps, repo: string, access: RepoAccess): Promise<Note[]> {
  const notes: Note[] = [];
  if (access.kind === 'checked' && !(await access.github.updateRefsAvailable()))
    notes.push({ kind: 'landing-two-step' });
  const undelivered = (await deps.store.outbox.listUndeliveredIn(repo)).length;
  if (undelivered > 0) notes.push({ kind: 'notices-undelivered', count: undelivered });
  return notes;
}
