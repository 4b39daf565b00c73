import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { labelWording as words } from '../../graphql/github-wording.js';
import {
  installAppWith,
  installationToken,
  postGraphql,
  startOnePullWorld,
  type OnePullWorld,
} from './graphql-kit.js';
import { mutationDocument } from './check-run-kit.js';

let world: OnePullWorld;
beforeAll(async () => {
  world = await startOnePullWorld();
});
afterAll(() => world.kit.close());
afterEach(() => world.reset());

const issueArgs = () => ({ owner: 'acme', repo: world.repo.name, issue_number: world.pr.number });
const rest = () => world.kit.app().rest.issues;

/** The PR's node id and label node ids, as the app looks them up before removing. */
async function lookUp(...names: string[]): Promise<{ pullId: string; labelIds: string[] }> {
  const fields = names.map((name, i) => `l${i}: label(name: "${name}") { id name }`).join(' ');
  const answer = await world.post(
    `query ($name: String!, $number: Int!) {
      repository(owner: "acme", name: $name) { pullRequest(number: $number) { id } ${fields} }
    }`,
    { name: world.repo.name, number: world.pr.number },
  );
  const repository = (answer.body.data as { repository: Record<string, { id: string } | null> })
    .repository;
  return {
    pullId: repository.pullRequest!.id,
    labelIds: names.map((_, i) => repository[`l${i}`]?.id ?? 'missing'),
  };
}

const remove = (labelableId: string, labelIds: string[], auth = world.auth) =>
  postGraphql(
    world.kit,
    mutationDocument([
      {
        mutation: 'removeLabelsFromLabelable',
        input: { labelableId, labelIds, clientMutationId: 'rm-1' },
      },
    ]),
    auth,
  );

const labelsOnPull = async () =>
  (await rest().listLabelsOnIssue(issueArgs())).data.map((label) => label.name);

describe('removeLabelsFromLabelable', () => {
  it('looks a label up by name: the node id REST answers, null when there is none', async () => {
    const { labelIds } = await lookUp('bug', 'no-such-label');
    const bug = await rest().getLabel({ owner: 'acme', repo: world.repo.name, name: 'bug' });
    expect(labelIds).toEqual([bug.data.node_id, 'missing']);
  });

  it('removes the labels the PR has, skips the others, and sends what REST removal sends', async () => {
    await rest().addLabels({ ...issueArgs(), labels: ['bug', 'queued'] });
    const { pullId, labelIds } = await lookUp('queued', 'enhancement');

    const answer = await remove(pullId, labelIds);

    expect(answer.body).toEqual({
      data: {
        w0: { clientMutationId: 'rm-1', labelable: { labels: { nodes: [{ name: 'bug' }] } } },
      },
    });
    expect(await labelsOnPull()).toEqual(['bug']);
    await rest().removeLabel({ ...issueArgs(), name: 'bug' });
    const received = await world.kit.settled(world.repo);
    const unlabeled = received.filter((r) => r.action === 'unlabeled');
    expect(unlabeled.map((r) => (r.payload.label as { name: string }).name)).toEqual([
      'queued',
      'bug',
    ]);
    const [viaGraphql, viaRest] = unlabeled.map((r) => r.payload);
    expect(Object.keys(viaGraphql!).sort()).toEqual(Object.keys(viaRest!).sort());
    expect(viaGraphql!.sender).toEqual(viaRest!.sender);
    // The timeline, as REST lists it (label events carry `label`; Octokit's union type hides it).
    const events = (await rest().listEvents(issueArgs())).data as {
      event: string;
      label?: { name: string };
      actor: { login: string } | null;
    }[];
    expect(
      events.filter((e) => e.event === 'unlabeled').map((e) => [e.label?.name, e.actor?.login]),
    ).toEqual([
      ['queued', 'sluice[bot]'],
      ['bug', 'sluice[bot]'],
    ]);
  });

  it('refuses an id that names no label or no pull request, removing nothing', async () => {
    await rest().addLabels({ ...issueArgs(), labels: ['documentation'] });
    const { pullId, labelIds } = await lookUp('documentation');
    const unknownLabel = await remove(pullId, [...labelIds, 'LA_kgDOZZZZZ']);
    expect(unknownLabel.body).toEqual({
      data: { w0: null },
      errors: [
        expect.objectContaining({
          type: 'NOT_FOUND',
          path: ['w0'],
          message: words.unknownLabel('LA_kgDOZZZZZ'),
        }),
      ],
    });
    const unknownPull = await remove('PR_kgDOZZZZZ', labelIds);
    expect(unknownPull.body.errors).toEqual([
      expect.objectContaining({
        type: 'NOT_FOUND',
        message: words.unknownLabelable('PR_kgDOZZZZZ'),
      }),
    ]);
    expect(await labelsOnPull()).toContain('documentation');
  });

  it('needs the permission REST label removal needs', async () => {
    const { pullId, labelIds } = await lookUp('documentation');
    const reader = installAppWith(world.kit, 'pull-reader', { pull_requests: 'read' });
    const answer = await remove(pullId, labelIds, `token ${await installationToken(reader)}`);
    expect(answer.body.errors).toEqual([
      expect.objectContaining({
        type: 'FORBIDDEN',
        message: 'Resource not accessible by integration',
      }),
    ]);
  });
});
