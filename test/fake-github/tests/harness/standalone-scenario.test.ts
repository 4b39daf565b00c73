import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { controlClient, type ControlClient } from './support/control-client.js';
import { startStandalone, type Standalone } from './support/standalone.js';
import { startWebhookReceiver, type WebhookReceiver } from './support/webhook-receiver.js';

interface Pull {
  number: number;
  merged: boolean;
  head: { sha: string };
}
type Deliveries = {
  deliveries: { guid: string; action?: string; state: string; status: number }[];
};

const repo = 'acme/gadgets';

/**
 * A scenario driven from outside the process, the way a shell script or another test runner
 * would: `npm run local-github` in a child process, and nothing but `POST /_control/...`.
 */
describe('a scenario driven only through the HTTP control plane of a standalone stand-in', () => {
  let standalone: Standalone;
  let control: ControlClient;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    [standalone, receiver] = await Promise.all([
      startStandalone(['--seed']),
      startWebhookReceiver(),
    ]);
    control = controlClient(standalone.url);
  });
  afterAll(async () => {
    await receiver.close();
    await standalone?.interrupt();
  });

  it('prints where it is and the people it seeded', async () => {
    expect(standalone.output()).toMatch(/^REST API\s+http:\/\/127\.0\.0\.1:\d+\/api\/v3$/m);
    expect(standalone.output()).toMatch(/^control plane\s+http:\/\/127\.0\.0\.1:\d+\/_control/m);
    expect(standalone.output()).toMatch(/curl -s http:\/\/127\.0\.0\.1:\d+\/_control\/create-user/);
    expect(standalone.output()).toMatch(
      /alice\s+token ghp_\w+\s+git clone http:\/\/x-access-token:/,
    );
    const commands = await (await fetch(`${standalone.url}/_control`)).json();
    expect(Object.keys((commands as { commands: object }).commands)).toContain('open-pull');
  });

  it('sets up, fails CI, refuses the merge, then merges once CI passes', async () => {
    await control.call('create-user', { login: 'carol' });
    await control.call('create-repo', {
      fullName: repo,
      ownerType: 'Organization',
      files: { 'src/add.ts': 'export const add = (a, b) => a - b;\n' },
      collaborators: { alice: 'write', carol: 'write' },
      protection: { main: { requiredChecks: ['test'] } },
    });
    const app = await control.call<{ id: number; webhookSecret: string }>('register-app', {
      slug: 'sluice',
      permissions: { contents: 'write', pull_requests: 'write', checks: 'read', issues: 'write' },
      events: ['pull_request', 'check_run', 'issue_comment'],
    });
    receiver.secret = app.webhookSecret;
    await control.call('install-app', {
      app: app.id,
      account: 'acme',
      repos: [repo],
      webhookUrl: receiver.url,
    });
    await control.call('script-ci', {
      repo,
      script: {
        workflows: [
          {
            name: 'CI',
            file: '.github/workflows/ci.yml',
            on: { pull_request: true },
            jobs: [
              {
                name: 'test',
                failure: { kind: 'test-failure', test: 'adds', message: 'expected 3, got -1' },
              },
            ],
          },
        ],
      },
    });

    const pull = await control.call<Pull>('open-pull', {
      repo,
      author: 'carol',
      branch: 'fix/add',
      commits: [{ message: 'fix: add', files: { 'README.md': 'add things\n' } }],
    });
    await control.call('label', { repo, number: pull.number, label: 'merge-queue', by: 'alice' });
    await control.call('settle', {});
    await control.call('finish-ci', { repo });
    await control.call('settle', {});

    const { checkRuns } = await control.call<{ checkRuns: { name: string; conclusion: string }[] }>(
      'get-check-runs',
      { repo, sha: pull.head.sha },
    );
    expect(checkRuns.map((c) => [c.name, c.conclusion])).toEqual([['test', 'failure']]);
    const { jobs } = await control.call<{ jobs: { id: number }[] }>('get-ci', { repo });
    const { log } = await control.call<{ log: string }>('get-job-log', {
      repo,
      jobId: jobs[0]!.id,
    });
    expect(log).toContain('expected 3, got -1');

    const refused = await control.send('merge-pull', { repo, number: pull.number, by: 'alice' });
    expect(refused).toMatchObject({ status: 400, body: { githubStatus: 405 } });
    expect(refused.body.message).toContain('Required status check "test" is failing');

    await control.call('set-job-outcome', { repo, job: 'test', outcome: 'success' });
    await control.call('push-to-pull', {
      repo,
      number: pull.number,
      commits: [
        {
          message: 'fix: add, really',
          files: { 'src/add.ts': 'export const add = (a, b) => a + b;\n' },
        },
      ],
    });
    await control.call('settle', {});
    await control.call('finish-ci', { repo });
    await control.call('settle', {});
    const { sha } = await control.call<{ sha: string }>('merge-pull', {
      repo,
      number: pull.number,
      by: 'alice',
    });
    await control.call('settle', {});

    expect(await control.call('get-pull', { repo, number: pull.number })).toMatchObject({
      merged: true,
    });
    expect(await control.call('get-ref', { repo, ref: 'main' })).toEqual({
      ref: 'refs/heads/main',
      sha,
    });
    const { deliveries } = await control.call<Deliveries>('get-deliveries', {
      event: 'pull_request',
    });
    expect(deliveries.map((d) => d.action)).toEqual(['opened', 'labeled', 'synchronize', 'closed']);
    const all = (await control.call<Deliveries>('get-deliveries', {})).deliveries;
    expect(all.every((d) => d.state === 'delivered' && d.status === 200)).toBe(true);
    expect(receiver.received.map((r) => [r.id, r.signed])).toEqual(all.map((d) => [d.guid, true]));
    expect(await control.call('assert-clean', {})).toEqual({ clean: true, problems: [] });
  });

  it('stops on Ctrl-C', async () => {
    expect(await standalone.interrupt()).toBe(0);
    expect(standalone.output()).toContain('stopping the local GitHub');
  });
});
