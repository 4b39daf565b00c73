/**
 * Control commands that read the stand-in's state as plain JSON: a pull request, a ref,
 * labels, comments, check runs, CI runs and jobs, and the traffic (deliveries, API requests,
 * violations). Reads never advance anything (a REST `pulls/get` would start mergeability).
 */
import { z } from 'zod';
import {
  defineCommand,
  requireIssueRepo,
  requirePullRepo,
  requireRepoHandle,
  type CommandTable,
} from './http-control-command.js';
import { issueNumber, repoName, sha } from './http-control-schemas.js';
import type { DeliveryRecord } from '../webhooks/delivery.js';

export function describeDelivery(record: DeliveryRecord, withPayload: boolean) {
  const { body: _body, headers: _headers, payload, ...summary } = record;
  return { ...summary, ...(withPayload ? { payload } : {}) };
}

const onIssue = z.strictObject({ repo: repoName, number: issueNumber });
const since = z.number().int().min(0).optional();

export const readCommands: CommandTable = {
  'get-pull': defineCommand({
    summary: 'A pull request as the stand-in holds it.',
    input: onIssue,
    example: { repo: 'acme/widgets', number: 1 },
    run: (gh, input) => requirePullRepo(gh, input.repo, input.number).pull(input.number),
  }),

  'get-ref': defineCommand({
    summary: 'Where a ref points (`refs/heads/main`, or a branch name); `sha` is null when absent.',
    input: z.strictObject({ repo: repoName, ref: z.string().min(1) }),
    example: { repo: 'acme/widgets', ref: 'refs/heads/main' },
    run: async (gh, input) => {
      const ref = input.ref.startsWith('refs/') ? input.ref : `refs/heads/${input.ref}`;
      const found = await requireRepoHandle(gh, input.repo).git.resolveRef(ref);
      return { ref, sha: found ?? null };
    },
  }),

  'get-labels': defineCommand({
    summary: 'The labels on an issue or pull request.',
    input: onIssue,
    example: { repo: 'acme/widgets', number: 1 },
    run: (gh, input) => ({
      labels: requireIssueRepo(gh, input.repo, input.number).labels(input.number),
    }),
  }),

  'get-comments': defineCommand({
    summary: 'The comments on an issue or pull request, oldest first.',
    input: onIssue,
    example: { repo: 'acme/widgets', number: 1 },
    run: (gh, input) => ({
      comments: requireIssueRepo(gh, input.repo, input.number)
        .comments(input.number)
        .map((c) => ({ id: c.id, user: c.user.login, body: c.body, createdAt: c.createdAt })),
    }),
  }),

  'get-check-runs': defineCommand({
    summary: 'Check runs on a commit, newest first, from every app.',
    input: z.strictObject({ repo: repoName, sha }),
    example: { repo: 'acme/widgets', sha: '0123456789abcdef0123456789abcdef01234567' },
    run: (gh, input) => ({
      checkRuns: requireRepoHandle(gh, input.repo)
        .checkRuns(input.sha)
        .map((run) => ({
          id: run.id,
          name: run.name,
          appId: run.appId,
          status: run.status,
          conclusion: run.conclusion,
          title: run.output.title,
        })),
    }),
  }),

  'get-ci': defineCommand({
    summary: 'Workflow runs and jobs (every attempt), optionally of one commit.',
    input: z.strictObject({ repo: repoName, sha: sha.optional() }),
    example: { repo: 'acme/widgets' },
    run: (gh, input) => {
      const repo = requireRepoHandle(gh, input.repo);
      return { runs: repo.runs(input.sha), jobs: repo.jobs(input.sha ? { sha: input.sha } : {}) };
    },
  }),

  'get-job-log': defineCommand({
    summary: "A finished job's log (null while it runs).",
    input: z.strictObject({ repo: repoName, jobId: z.number().int() }),
    example: { repo: 'acme/widgets', jobId: 60000001 },
    run: (gh, input) => ({ log: requireRepoHandle(gh, input.repo).jobLog(input.jobId) ?? null }),
  }),

  'get-deliveries': defineCommand({
    summary: 'Webhook deliveries after `sinceSeq`, with payloads when asked.',
    input: z.strictObject({
      event: z.string().optional(),
      action: z.string().optional(),
      sinceSeq: since,
      payloads: z.boolean().optional(),
    }),
    example: { event: 'pull_request', payloads: false },
    run: (gh, input) => ({
      deliveries: gh.deliveries.records
        .filter(
          (r) =>
            r.seq > (input.sinceSeq ?? 0) &&
            (input.event === undefined || r.event === input.event) &&
            (input.action === undefined || r.action === input.action),
        )
        .map((r) => describeDelivery(r, input.payloads ?? false)),
    }),
  }),

  'get-requests': defineCommand({
    summary: 'The API request log after `sinceSeq`, optionally of one operation.',
    input: z.strictObject({ operationId: z.string().optional(), sinceSeq: since }),
    example: { operationId: 'pulls/merge' },
    run: (gh, input) => ({
      requests: gh.world.requests.filter(
        (r) =>
          r.seq > (input.sinceSeq ?? 0) &&
          (input.operationId === undefined || r.operationId === input.operationId),
      ),
    }),
  }),

  'get-violations': defineCommand({
    summary: 'Spec violations, unimplemented endpoints and failed deliveries so far.',
    input: z.strictObject({}),
    example: {},
    run: (gh) => ({ violations: gh.world.violations }),
  }),
};
