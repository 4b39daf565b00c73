import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Octokit } from '@octokit/rest';
import { Probot } from 'probot';
import { FakeGitHub } from '../../fake-github.js';
import type { RegisteredApp } from '../../control/register-app.js';
import type { Installation } from '../../world/types.js';
import { createGitClient, type GitClient } from './support/git-client.js';
import { probotReceiver, type Verdict } from './support/probot-receiver.js';

/**
 * The whole path a real developer and a real app take: the git CLI clones and pushes over
 * HTTP, @octokit/rest opens the PR with the developer's token, and Probot's own
 * `verifyAndReceive` checks the signature of every webhook before its handlers run.
 */
describe('a developer pushes with git and opens a PR; Probot receives signed webhooks', () => {
  let gh: FakeGitHub;
  let git: GitClient;
  let registered: RegisteredApp;
  let installation: Installation;
  let probot: Probot;
  const verdicts: Verdict[] = [];
  const pushes: { id: string; ref: string; after: string; pusher: string; sender: string }[] = [];
  const opened: { id: string; number: number; headSha: string; author: string; title: string }[] =
    [];
  let headSha: string;
  let prNumber: number;

  beforeAll(async () => {
    gh = await FakeGitHub.start();
    git = await createGitClient();
    registered = gh.registerApp({
      slug: 'sluice',
      permissions: { contents: 'write', pull_requests: 'write', issues: 'write' },
      events: ['pull_request', 'push'],
    });
    // Private, so even the clone has to present the token.
    await gh.createRepo({
      fullName: 'acme/widgets',
      ownerType: 'Organization',
      private: true,
      files: { 'README.md': '# widgets\n' },
      collaborators: { alice: 'write' },
    });
    probot = new Probot({
      appId: registered.app.id,
      privateKey: registered.privateKey,
      secret: registered.app.webhookSecret,
      baseUrl: gh.apiUrl,
      logLevel: 'fatal',
    });
    probot.on('push', (context) => {
      const { ref, after, pusher, sender } = context.payload;
      pushes.push({ id: context.id, ref, after, pusher: pusher.name, sender: sender?.login ?? '' });
    });
    probot.on('pull_request.opened', async (context) => {
      const { number, head, user, title } = context.payload.pull_request;
      opened.push({ id: context.id, number, headSha: head.sha, author: user.login, title });
      // The handler's installation client works against the stand-in too.
      await context.octokit.rest.issues.createComment(context.issue({ body: 'Thanks!' }));
    });
    installation = gh.install(registered.app, {
      account: 'acme',
      receiver: probotReceiver(probot, verdicts),
    });

    const { token } = gh.createUser('alice');
    const work = await git.clone({ baseUrl: gh.url, repo: 'acme/widgets', token });
    headSha = await git.pushBranch({
      work,
      branch: 'feature/greeting',
      files: { 'src/greeting.ts': 'export const greeting = "hi";\n' },
    });
    const alice = new Octokit({ auth: token, baseUrl: gh.apiUrl });
    const { data } = await alice.rest.pulls.create({
      owner: 'acme',
      repo: 'widgets',
      head: 'feature/greeting',
      base: 'main',
      title: 'feat: greeting',
    });
    prNumber = data.number;
    await gh.settle({ quietMs: 50 });
  });

  afterAll(async () => {
    await git.close();
    await gh.close();
  });

  it('lands the pushed branch in the stand-in with the commit git made', async () => {
    expect(await gh.repo('acme/widgets').git.resolveRef('refs/heads/feature/greeting')).toBe(
      headSha,
    );
  });

  it('has Probot accept every delivery, and nothing else was sent', () => {
    expect(verdicts.map((v) => [v.event, v.accepted])).toEqual([
      ['push', true],
      ['pull_request', true],
    ]);
    expect(gh.deliveries.records.map((r) => [r.guid, r.state, r.status])).toEqual(
      verdicts.map((v) => [v.id, 'delivered', 200]),
    );
  });

  it('runs the push handler with the branch, the pushed commit and the developer', () => {
    expect(pushes).toEqual([
      {
        id: verdicts[0]!.id,
        ref: 'refs/heads/feature/greeting',
        after: headSha,
        pusher: 'alice',
        sender: 'alice',
      },
    ]);
  });

  it('runs the pull_request.opened handler with the PR the REST call made', () => {
    expect(opened).toEqual([
      {
        id: verdicts[1]!.id,
        number: prNumber,
        headSha,
        author: 'alice',
        title: 'feat: greeting',
      },
    ]);
    const comments = gh.repo('acme/widgets').comments(prNumber);
    expect(comments.map((c) => [c.user.login, c.body])).toEqual([['sluice[bot]', 'Thanks!']]);
  });

  it('rejects a body changed after signing, without running a handler', async () => {
    const original = gh.deliveries.records.find((r) => r.event === 'pull_request')!;
    const tampered = original.body.replace('feat: greeting', 'feat: something else');
    expect(tampered).not.toBe(original.body);

    await expect(
      probot.webhooks.verifyAndReceive({
        id: original.guid,
        name: 'pull_request',
        payload: tampered,
        signature: original.headers['x-hub-signature-256']!,
      }),
    ).rejects.toThrow(/signature does not match/);
    expect(opened).toHaveLength(1);
  });

  it('leaves the stand-in clean: no spec violation, no failed delivery', () => {
    expect(installation.id).toBeGreaterThan(0);
    gh.assertClean();
  });
});
