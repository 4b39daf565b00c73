import type { ApplicationFunction, Context } from 'probot';
import type { z } from 'zod';
import type { Store } from './store/types.js';
import type { Settings } from './reconcile/types.js';
import { SluiceRuntime } from './runtime/sluice-runtime.js';
import { healthHandler } from './runtime/health.js';
import { TestClock, testHooksHandler } from './runtime/test-hooks.js';
import { startSweeps, type SweepSchedule } from './runtime/sweeps.js';
import { readMetricsEnv, type MetricsEnv } from './runtime/runtime-env.js';
import { SluiceMetrics } from './metrics/sluice-metrics.js';
import { metricsHandler } from './metrics/metrics-endpoint.js';
import { recordWebhookLag } from './metrics/record-webhook-lag.js';
import {
  checkRunEvent,
  checkSuiteEvent,
  issueCommentEvent,
  MalformedWebhookError,
  parsePayload,
  pullRequestEvent,
  pushEvent,
  policyEvent,
  reviewEvent,
  statusEvent,
  workflowJobEvent,
} from './handlers/payloads.js';
import { isOwnEvent, onPullRequest } from './handlers/queue-events.js';
import { onIssueComment, onRequestedAction } from './handlers/command-events.js';
import {
  onCheckReport,
  onCheckRun,
  onCheckSuiteCompleted,
  onRunnerStarted,
} from './handlers/check-events.js';
import { onPush } from './handlers/push-events.js';
import { onPolicyChange } from './handlers/policy-events.js';
import { checkPullConfig } from './handlers/config-check.js';
import { readDashboardEnv, type DashboardEnv } from './web/dashboard-env.js';
import { dashboardHandler } from './web/dashboard-handler.js';
import { dashboardApp, dashboardData } from './web/dashboard-app.js';
import { createGitHubUserApi } from './web/github-user-api.js';

/** The webhook events Sluice subscribes to: app.yml's `default_events` must list exactly these. */
export const webhookEvents = [
  'branch_protection_rule',
  'check_run',
  'check_suite',
  'issue_comment',
  'pull_request',
  'pull_request_review',
  'push',
  'repository_ruleset',
  'status',
  'workflow_job',
] as const;

export interface SluiceAppOptions {
  store: Store;
  settings?: Partial<Settings>;
  sweeps: SweepSchedule;
  /** Queue lease timing; the runtime's defaults when absent. */
  leases?: { ttlMs: number; renewMs: number; replica?: string };
  /** End-to-end tests only: serve the clock and sweep hooks. */
  testHooks?: boolean;
  /** `/metrics` and its token; read from the process environment when not given. */
  metrics?: MetricsEnv;
  /** `/sluice/`: sign-in client, session secret, public repositories; from the environment when not given. */
  dashboard?: DashboardEnv;
}

/**
 * The Probot app: wires webhook events to handlers, nothing else. Handlers turn payloads into
 * "reconcile repo R, branch B" (and record requests durably first); the runtime does the rest.
 */
export function createSluiceApp(options: SluiceAppOptions): ApplicationFunction {
  return async (app, { addHandler }) => {
    const clock = new TestClock();
    const { token } = options.metrics ?? readMetricsEnv(process.env);
    const metrics =
      token === undefined
        ? undefined
        : new SluiceMetrics({ countActive: () => options.store.queue.countActive(), log: app.log });
    const runtime = new SluiceRuntime(app, {
      store: options.store,
      log: app.log,
      now: clock.now,
      metrics,
      ...(options.settings ? { settings: options.settings } : {}),
      ...(options.leases ? { leases: options.leases } : {}),
    });
    addHandler(healthHandler(runtime));
    addHandler(metricsHandler({ token, metrics }));
    if (options.testHooks) addHandler(testHooksHandler(runtime, clock));
    const dashboard = options.dashboard ?? readDashboardEnv(process.env);
    addHandler(
      dashboardHandler({
        env: dashboard,
        data: dashboardData(runtime, dashboard),
        app: dashboardApp(runtime),
        userApi: dashboard.oauth ? createGitHubUserApi(dashboard, dashboard.oauth) : undefined,
        now: () => runtime.now(),
        log: app.log,
      }),
    );
    await runtime
      .identify()
      .catch((error: unknown) =>
        app.log.warn(
          { err: error },
          'could not read the app identity; own events will not be recognised',
        ),
      );

    function on<T extends { repository: { full_name: string }; installation: { id: number } }>(
      events: Parameters<typeof app.on>[0],
      schema: z.ZodType<T>,
      handle: (payload: T) => Promise<void>,
    ): void {
      // Tracked: past 9 s Probot answers 202 and the handler runs on unseen by the sender.
      app.on(events, (context: Context) => runtime.scheduler.track(() => handleEvent(context)));
      async function handleEvent(context: Context): Promise<void> {
        if (metrics) recordWebhookLag(metrics, context.name, context.payload);
        // GitHub may deliver twice (a redelivery keeps the id): act once.
        if (!(await options.store.deliveries.record(context.id, runtime.now()))) return;
        let payload: T;
        try {
          payload = parsePayload(schema, context.name, context.payload);
        } catch (error) {
          if (error instanceof MalformedWebhookError)
            return app.log.error({ delivery: context.id, err: error }, error.message);
          throw error;
        }
        runtime.installations.remember(payload.repository.full_name, payload.installation.id);
        await handle(payload);
      }
    }

    on(['pull_request'], pullRequestEvent, async (event) => {
      await onPullRequest(runtime, event);
      // Our own landing pushes the head too: that is the tested squash, not a config change.
      if (
        ['opened', 'synchronize', 'reopened'].includes(event.action) &&
        !isOwnEvent(runtime, event.sender)
      ) {
        const pr = event.pull_request;
        await checkPullConfig(runtime, {
          repo: event.repository.full_name,
          number: pr.number,
          headSha: pr.head.sha,
          defaultBranch: event.repository.default_branch,
        });
      }
    });
    on(['pull_request_review'], reviewEvent, async (event) => {
      runtime.cache(event.repository.full_name).forgetPull(event.pull_request.number);
      void runtime.reconcile(
        { repo: event.repository.full_name, base: event.pull_request.base.ref },
        'review',
      );
      return Promise.resolve();
    });
    on(['issue_comment.created'], issueCommentEvent, (event) => onIssueComment(runtime, event));
    on(['check_run.requested_action'], checkRunEvent, (event) => onRequestedAction(runtime, event));
    on(
      ['check_run.created', 'check_run.completed', 'check_run.rerequested'],
      checkRunEvent,
      (event) => onCheckRun(runtime, event),
    );
    on(['check_suite.completed'], checkSuiteEvent, (event) =>
      onCheckSuiteCompleted(runtime, {
        repo: event.repository.full_name,
        sha: event.check_suite.head_sha,
      }),
    );
    on(['workflow_job.in_progress'], workflowJobEvent, (event) => onRunnerStarted(runtime, event));
    on(['status'], statusEvent, (event) =>
      onCheckReport(runtime, {
        repo: event.repository.full_name,
        sha: event.sha,
        reason: 'commit status',
      }),
    );
    on(['push'], pushEvent, (event) =>
      onPush(runtime, {
        repo: event.repository.full_name,
        ref: event.ref,
        after: event.after,
        defaultBranch: event.repository.default_branch,
        touched: (event.commits ?? []).flatMap((c) => [
          ...(c.added ?? []),
          ...(c.modified ?? []),
          ...(c.removed ?? []),
        ]),
      }),
    );

    on(['branch_protection_rule', 'repository_ruleset'], policyEvent, (event) =>
      onPolicyChange(runtime, { repo: event.repository.full_name, event: event.action }),
    );

    startSweeps(runtime, options.sweeps);
  };
}
