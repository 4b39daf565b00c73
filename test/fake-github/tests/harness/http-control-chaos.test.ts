import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { FakeGitHub } from '../../fake-github.js';
import { controlClient, type ControlClient } from './support/control-client.js';
import { startWebhookReceiver, type WebhookReceiver } from './support/webhook-receiver.js';

interface Delivery {
  seq: number;
  guid: string;
  event: string;
  state: string;
}
type Deliveries = { deliveries: Delivery[] };

const repo = 'acme/widgets';

/** Chaos, faults and mistakes, sent over a real socket to the control plane of a stand-in. */
describe('the HTTP control plane for things going wrong', () => {
  let gh: FakeGitHub;
  let control: ControlClient;
  let receiver: WebhookReceiver;
  let aliceToken: string;

  beforeAll(async () => {
    [gh, receiver] = await Promise.all([FakeGitHub.start(), startWebhookReceiver()]);
    control = controlClient(gh.url);
    ({ token: aliceToken } = await control.call<{ token: string }>('create-user', {
      login: 'alice',
    }));
    await control.call('create-repo', {
      fullName: repo,
      ownerType: 'Organization',
      files: { 'README.md': '# widgets\n' },
      collaborators: { alice: 'write', bob: 'write' },
    });
    const app = await control.call<{ id: number; webhookSecret: string }>('register-app', {
      slug: 'sluice',
      permissions: { contents: 'write', pull_requests: 'write', issues: 'write' },
      events: ['pull_request', 'issue_comment', 'push'],
    });
    receiver.secret = app.webhookSecret;
    await control.call('install-app', { app: app.id, account: 'acme', webhookUrl: receiver.url });
    await control.call('open-pull', {
      repo,
      author: 'alice',
      branch: 'feature/x',
      commits: [{ message: 'add x', files: { 'x.txt': 'x\n' } }],
    });
    await control.call('settle', { quietMs: 20 });
  });
  afterAll(async () => {
    await receiver.close();
    await gh.close();
  });

  const deliveriesSince = async (seq: number) =>
    (await control.call<Deliveries>('get-deliveries', { sinceSeq: seq })).deliveries;

  it('holds deliveries, releases them reversed, and redelivers one under its id', async () => {
    const seen = gh.deliveries.records.length;
    await control.call('add-webhook-chaos', {
      event: 'issue_comment',
      times: 2,
      effect: { kind: 'hold' },
    });
    await control.call('comment', { repo, number: 1, body: 'first', by: 'alice' });
    await control.call('comment', { repo, number: 1, body: 'second', by: 'alice' });
    const held = await deliveriesSince(seen);
    expect(held.map((d) => d.state)).toEqual(['held', 'held']);

    expect(await control.call('release-held', { order: 'reverse' })).toEqual({ released: 2 });
    await control.call('settle', { quietMs: 20 });
    const [first, second] = held;
    expect(receiver.received.slice(-2).map((r) => r.id)).toEqual([second!.guid, first!.guid]);

    const again = await control.call('redeliver', { delivery: first!.seq });
    await control.call('settle', { quietMs: 20 });
    expect(again).toMatchObject({ guid: first!.guid, redelivery: true });
    expect(receiver.received.at(-1)).toMatchObject({ id: first!.guid, signed: true });
  });

  it('answers the next REST call with an injected fault', async () => {
    await control.call('add-fault', { op: 'repos/get', times: 1, status: 503, message: 'Busy' });
    const get = () =>
      fetch(`${gh.apiUrl}/repos/${repo}`, { headers: { authorization: `token ${aliceToken}` } });
    expect((await get()).status).toBe(503);
    expect((await get()).status).toBe(200);
    const { requests } = await control.call<{ requests: { status: number; faulted: boolean }[] }>(
      'get-requests',
      { operationId: 'repos/get' },
    );
    expect(requests.map((r) => [r.status, r.faulted])).toEqual([
      [503, true],
      [200, false],
    ]);
  });

  it('races a merge with a push to main: 405, and the push is kept and announced', async () => {
    const seen = gh.deliveries.records.length;
    await control.call('add-ref-race', {
      op: 'pulls/merge',
      repo,
      branch: 'main',
      message: 'meanwhile on main',
      files: { 'NEWS.md': 'news\n' },
      by: 'bob',
    });
    // Races hook into REST handlers, so the merge goes through the API, as an app's would.
    const refused = await fetch(`${gh.apiUrl}/repos/${repo}/pulls/1/merge`, {
      method: 'PUT',
      headers: { authorization: `token ${aliceToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ merge_method: 'squash' }),
    });
    expect(refused.status).toBe(405);
    expect(await refused.json()).toMatchObject({
      message: 'Base branch was modified. Review and try the merge again.',
    });

    await control.call('settle', { quietMs: 20 });
    const { sha } = await control.call<{ sha: string }>('get-ref', { repo, ref: 'main' });
    const pushes = (await deliveriesSince(seen)).filter((d) => d.event === 'push');
    expect(pushes).toHaveLength(1);
    expect(gh.deliveries.records.find((r) => r.guid === pushes[0]!.guid)?.payload).toMatchObject({
      after: sha,
      pusher: { name: 'bob' },
    });
  });

  it('answers mistakes with 400, 404 and 405, saying what was wrong', async () => {
    expect(await control.send('no-such-command')).toMatchObject({
      status: 404,
      body: { message: expect.stringContaining('no control command "no-such-command"') },
    });
    const typo = await control.send('label', { repo, numbr: 1, label: 'x', by: 'alice' });
    expect(typo.status).toBe(400);
    expect(typo.body.message).toMatch(/Unrecognized key: "numbr"[\s\S]*at number/);
    expect(await control.send('get-pull', { repo: 'acme/nope', number: 1 })).toMatchObject({
      status: 404,
      body: { message: 'no repository acme/nope' },
    });
    expect(await control.send('get-pull', { repo, number: 99 })).toMatchObject({
      status: 404,
      body: { message: `no pull request #99 in ${repo}` },
    });
    expect(await control.send('create-repo', { fullName: repo })).toMatchObject({
      status: 400,
      body: { message: `fake-github: ${repo} exists` },
    });
    expect((await control.send('settle', undefined, 'GET')).status).toBe(405);
  });

  it('stays honest through all of it', async () => {
    expect(await control.call('assert-clean', {})).toEqual({ clean: true, problems: [] });
  });
});
