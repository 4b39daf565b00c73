import { z } from 'zod';

/**
 * The webhook fields Sluice reads, parsed rather than cast: a payload missing one is rejected
 * with a message naming the field, instead of failing somewhere deep in a reconcile.
 */
const account = z.object({ login: z.string(), type: z.string() });
const repository = z.object({
  full_name: z.string(),
  default_branch: z.string(),
  // GraphQL ids, for the mutations that batch what Sluice tells (see NodeIds).
  node_id: z.string().optional(),
});
const installation = z.object({ id: z.number() });
/**
 * The PR as `pulls/get` shows it, which a queue label's event carries: held instead of read
 * (see `pullFromEvent`). A payload without all of it is read instead.
 */
export const pullSnapshot = z.object({
  number: z.number(),
  state: z.string(),
  merged_at: z.string().nullable(),
  draft: z.boolean().optional(),
  title: z.string(),
  body: z.string().nullable(),
  user: z.object({ login: z.string() }).nullable(),
  head: z.object({
    sha: z.string(),
    ref: z.string(),
    repo: z.object({ full_name: z.string() }).nullable(),
  }),
  base: z.object({ ref: z.string() }),
  labels: z.array(z.object({ name: z.string().optional(), node_id: z.string().optional() })),
  maintainer_can_modify: z.boolean(),
  updated_at: z.string(),
});

/** What every `pull_request` event must carry; the rest of the snapshot is kept when present. */
const pullRef = pullSnapshot.partial().extend({
  number: z.number(),
  node_id: z.string().optional(),
  state: z.string(),
  base: z.object({ ref: z.string() }),
  head: pullSnapshot.shape.head.partial().extend({ sha: z.string() }),
});

export const pullRequestEvent = z.object({
  action: z.string(),
  pull_request: pullRef,
  label: z.object({ name: z.string(), node_id: z.string().optional() }).optional(),
  changes: z
    .object({ base: z.object({ ref: z.object({ from: z.string() }) }).optional() })
    .optional(),
  sender: account,
  repository,
  installation,
});

export const issueCommentEvent = z.object({
  action: z.string(),
  issue: z.object({ number: z.number(), pull_request: z.object({}).passthrough().optional() }),
  comment: z.object({ id: z.number(), body: z.string() }),
  sender: account,
  repository,
  installation,
});

export const checkRunEvent = z.object({
  action: z.string(),
  check_run: z.object({
    head_sha: z.string(),
    name: z.string(),
    // What the checks held for the commit take in; a report without them is read afresh.
    id: z.number().optional(),
    status: z.string().optional(),
    details_url: z.string().nullable().optional(),
    html_url: z.string().nullable().optional(),
    conclusion: z.string().nullable().optional(),
    external_id: z.string().nullable().optional(),
    app: z.object({ id: z.number() }).nullable().optional(),
  }),
  requested_action: z.object({ identifier: z.string() }).optional(),
  sender: account,
  repository,
  installation,
});

export const checkSuiteEvent = z.object({
  action: z.string(),
  check_suite: z.object({ head_sha: z.string() }),
  repository,
  installation,
});

/** A job of a workflow run: `in_progress` says a runner has picked it up. */
export const workflowJobEvent = z.object({
  action: z.string(),
  workflow_job: z.object({
    head_sha: z.string(),
    // `…/check-runs/<id>`: the job's check run, which the checks held for the commit update.
    check_run_url: z.string().nullable().optional(),
  }),
  repository,
  installation,
});

export const statusEvent = z.object({ sha: z.string(), repository, installation });

export const pushEvent = z.object({
  ref: z.string(),
  after: z.string(),
  commits: z
    .array(
      z.object({
        added: z.array(z.string()).optional(),
        modified: z.array(z.string()).optional(),
        removed: z.array(z.string()).optional(),
      }),
    )
    .optional(),
  repository,
  installation,
});

/** `branch_protection_rule` and `repository_ruleset`: only which repository, nothing else is trusted. */
export const policyEvent = z.object({ action: z.string(), repository, installation });

export const reviewEvent = z.object({ pull_request: pullRef, repository, installation });

export type PullRequestEvent = z.infer<typeof pullRequestEvent>;
export type IssueCommentEvent = z.infer<typeof issueCommentEvent>;
export type CheckRunEvent = z.infer<typeof checkRunEvent>;
export type WorkflowJobEvent = z.infer<typeof workflowJobEvent>;

/** Parses, or throws an error that names the event and the missing or malformed fields. */
export function parsePayload<T>(schema: z.ZodType<T>, event: string, payload: unknown): T {
  const parsed = schema.safeParse(payload);
  if (parsed.success) return parsed.data;
  throw new MalformedWebhookError(event, z.prettifyError(parsed.error));
}

export class MalformedWebhookError extends Error {
  override name = 'MalformedWebhookError';
  constructor(
    readonly event: string,
    detail: string,
  ) {
    super(`malformed ${event} webhook: ${detail}`);
  }
}

/**
 * What Probot and @octokit/webhooks read of every delivery before any handler runs: the
 * `action` (made into a hook name) and `installation.id` (made into a number for the event's
 * Octokit). Either of the wrong type throws inside them and answers 500, so a body is refused
 * with 400 unless its envelope is what GitHub sends.
 */
export const webhookEnvelope = z.object({
  action: z.string().optional(),
  installation: z.object({ id: z.number().int().positive() }).nullable().optional(),
});
