/**
 * Check runs, shared by the REST handlers and the CI engine. A run belongs to a suite of its
 * app (domain/check-suites.ts), which is refreshed after every change of one of its runs.
 */
import type {
  Account,
  CheckAnnotation,
  CheckConclusion,
  CheckRun,
  CheckStatus,
  CheckSuite,
  RepoState,
} from '../world/types.js';
import type { Services } from '../world/services.js';
import { GitHubError } from '../http/github-error.js';
import { renderCheckRunForWebhook } from '../render/check-run.js';
import { refreshSuite } from './check-suites.js';

export interface CheckRunFields {
  name?: string;
  detailsUrl?: string;
  externalId?: string;
  status?: CheckStatus;
  conclusion?: CheckConclusion;
  startedAt?: Date;
  completedAt?: Date;
  output?: { title?: string; summary?: string; text?: string; annotations?: CheckAnnotation[] };
  actions?: CheckRun['actions'];
}

/** "Required if you provide completed_at or a status of completed" (GitHub docs); a conclusion implies completed. */
function settleStatus(run: CheckRun, fields: CheckRunFields, now: Date): void {
  if (fields.conclusion !== undefined) {
    if (fields.conclusion === 'stale')
      throw new GitHubError(422, 'Only GitHub can set a check run conclusion to stale.');
    run.conclusion = fields.conclusion;
    run.status = 'completed';
  } else if (fields.status !== undefined) {
    run.status = fields.status;
    if (fields.status !== 'completed') run.conclusion = null;
  }
  const completing = run.status === 'completed' || fields.completedAt !== undefined;
  if (completing && run.conclusion === null) {
    throw new GitHubError(422, 'Validation Failed', {
      errors: [{ resource: 'CheckRun', field: 'conclusion', code: 'missing_field' }],
    });
  }
  run.completedAt =
    run.status === 'completed' ? (fields.completedAt ?? run.completedAt ?? now) : null;
}

function applyFields(run: CheckRun, fields: CheckRunFields, now: Date): void {
  if (fields.name !== undefined) run.name = fields.name;
  if (fields.detailsUrl !== undefined) run.detailsUrl = fields.detailsUrl;
  if (fields.externalId !== undefined) run.externalId = fields.externalId;
  if (fields.startedAt !== undefined) run.startedAt = fields.startedAt;
  if (fields.actions !== undefined) run.actions = fields.actions;
  const output = fields.output;
  if (output) {
    if (output.title !== undefined) run.output.title = output.title;
    if (output.summary !== undefined) run.output.summary = output.summary;
    if (output.text !== undefined) run.output.text = output.text;
    // "Each time you update the check run, annotations are appended" (GitHub docs).
    run.output.annotations.push(...(output.annotations ?? []));
  }
  settleStatus(run, fields, now);
}

export async function createCheckRun(
  services: Services,
  input: {
    repo: RepoState;
    suite: CheckSuite;
    name: string;
    fields: CheckRunFields;
    sender: Account;
    id?: number;
  },
): Promise<CheckRun> {
  const now = services.world.clock.now();
  const run: CheckRun = {
    id: input.id ?? services.world.ids.next('check_run'),
    suiteId: input.suite.id,
    appId: input.suite.appId,
    name: input.name,
    headSha: input.suite.headSha,
    status: 'queued',
    conclusion: null,
    externalId: null,
    detailsUrl: null,
    startedAt: now,
    completedAt: null,
    output: { title: null, summary: null, text: null, annotations: [] },
    actions: [],
  };
  applyFields(run, input.fields, now);
  input.repo.checkRuns.set(run.id, run);
  emitCheckRunEvent(services, input.repo, run, 'created', input.sender);
  if (run.status === 'completed')
    emitCheckRunEvent(services, input.repo, run, 'completed', input.sender);
  await refreshSuite(services, input.repo, input.suite, input.sender);
  return run;
}

export async function updateCheckRun(
  services: Services,
  input: { repo: RepoState; run: CheckRun; fields: CheckRunFields; sender: Account },
): Promise<CheckRun> {
  const { repo, run } = input;
  const wasCompleted = run.status === 'completed';
  // Refused updates change nothing: apply to a copy first.
  const next = structuredClone(run);
  applyFields(next, input.fields, services.world.clock.now());
  Object.assign(run, next);
  if (!wasCompleted && run.status === 'completed')
    emitCheckRunEvent(services, repo, run, 'completed', input.sender);
  const suite = repo.checkSuites.get(run.suiteId);
  if (suite) await refreshSuite(services, repo, suite, input.sender);
  return run;
}

/** `rerequested` and `requested_action` reach the owning app only; the bus decides who hears what. */
export function emitCheckRunEvent(
  services: Services,
  repo: RepoState,
  run: CheckRun,
  action: string,
  sender: Account,
  extra: Record<string, unknown> = {},
): void {
  const payload = { check_run: renderCheckRunForWebhook(services.world, repo, run), ...extra };
  services.webhooks.emit({
    repo,
    event: 'check_run',
    action,
    payload,
    sender,
    ownerAppId: run.appId,
  });
}
