import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from '@jest/globals';
import type { WebhookDefinition } from '@octokit/webhooks-examples';
import { SENT_WEBHOOK_EVENTS } from './implemented-operations.js';
import { loadGitHubSpec, webhookKey, type GitHubSpec } from './index.js';
import { refreshWebhookExample } from './refresh-webhook-example.js';
import { EXAMPLE_REFRESHES } from './stale-example-refreshes.js';

let spec: GitHubSpec;
beforeAll(async () => {
  spec = await loadGitHubSpec();
});

type Json = Record<string, unknown>;

// The package's entry point is a JSON file, which native ESM only imports with attributes.
const definitions = createRequire(import.meta.url)(
  '@octokit/webhooks-examples',
) as WebhookDefinition[];

const examples = definitions
  .filter((definition) => (SENT_WEBHOOK_EVENTS as readonly string[]).includes(definition.name))
  .flatMap((definition) =>
    definition.examples.map((example, index) => {
      const action = (example as { action?: string }).action;
      const label = `${webhookKey(definition.name, action)} example #${index}`;
      return { label, event: definition.name, action, example };
    }),
  );

function exampleOf(event: string, action: string): Json {
  const found = examples.find((e) => e.event === event && e.action === action);
  if (found === undefined) throw new Error(`no ${event}.${action} example`);
  return refreshWebhookExample(event, found.example).payload;
}

describe('validating webhooks against the spec', () => {
  it('has @octokit/webhooks-examples payloads for every event the stand-in sends', () => {
    const covered = new Set(examples.map((e) => e.event));
    expect([...SENT_WEBHOOK_EVENTS].filter((event) => !covered.has(event))).toEqual([]);
  });

  it.each(examples)('accepts the $label', ({ event, action, example }) => {
    const { payload } = refreshWebhookExample(event, example);
    expect(spec.validateWebhook(event, action, payload)).toEqual({ ok: true, excused: [] });
  });

  it('needs every refresh of a stale example: each one fixes an example that fails without it', () => {
    const unneeded = EXAMPLE_REFRESHES.filter((refresh) => {
      const others = EXAMPLE_REFRESHES.filter((other) => other !== refresh);
      return !examples.some(({ event, action, example }) => {
        const { applied } = refreshWebhookExample(event, example);
        if (!applied.includes(refresh)) return false;
        const without = refreshWebhookExample(event, example, others).payload;
        return !spec.validateWebhook(event, action, without).ok;
      });
    });
    expect(unneeded.map((refresh) => refresh.reason)).toEqual([]);
  });

  it('lets a null check_run.output through only as the known spec bug #5832', () => {
    const payload = exampleOf('check_run', 'completed');
    const checkRun = payload.check_run as Json;
    const withNullOutput = { ...payload, check_run: { ...checkRun, output: null } };
    expect(spec.validateWebhook('check_run', 'completed', withNullOutput)).toMatchObject({
      ok: true,
      excused: [{ issue: 'https://github.com/github/rest-api-description/issues/5832' }],
    });
    const withNullSuite = { ...payload, check_run: { ...checkRun, check_suite: null } };
    expect(spec.validateWebhook('check_run', 'completed', withNullSuite)).toEqual({
      ok: false,
      errors: ['/check_run/check_suite: must be object (got null)'],
      excused: [],
    });
  });

  it('rejects a broken payload and names every problem', () => {
    const payload = exampleOf('pull_request', 'opened');
    const { sender: _sender, ...senderless } = payload;
    const pullRequest = { ...(payload.pull_request as Json), state: 'merged' };
    const broken = { ...senderless, number: '2', pull_request: pullRequest };
    expect(spec.validateWebhook('pull_request', 'opened', broken)).toEqual({
      ok: false,
      errors: [
        "/: must have required property 'sender'",
        '/number: must be integer (got "2")',
        '/pull_request/state: must be equal to one of the allowed values: ["open","closed"] (got "merged")',
      ],
      excused: [],
    });
  });

  it('rejects an event or action GitHub never sends', () => {
    expect(spec.validateWebhook('pull_request', 'teleported', {})).toEqual({
      ok: false,
      errors: ['GitHub sends no webhook "pull-request-teleported"'],
      excused: [],
    });
  });
});

describe('naming a webhook the way the spec does', () => {
  it('joins event and action with dashes, and uses the event alone when there is no action', () => {
    expect(webhookKey('check_run', 'requested_action')).toBe('check-run-requested-action');
    expect(webhookKey('pull_request', 'labeled')).toBe('pull-request-labeled');
    expect(webhookKey('push', undefined)).toBe('push');
  });
});
