import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GitHubKit } from './support/github-kit.js';
import { openPull } from './support/open-pull.js';
import { labelsOf } from '../../fake-github/control/repo-ops.js';
import type { RepoState } from '../../fake-github/world/types.js';
import type { CheckRunWrite, NoticeBatchWrite } from '../../../src/github/index.js';

const state = (headSha: string, title: string, done = false): CheckRunWrite => ({
  name: 'Sluice',
  headSha,
  status: done ? 'completed' : 'queued',
  ...(done ? { conclusion: 'success' as const } : {}),
  output: { title, summary: `${title}.` },
  externalId: `acme/w#1@${headSha}`,
  actions: [],
});

describe('notices sent together in one GraphQL request', () => {
  let kit: GitHubKit;
  beforeAll(async () => {
    kit = await GitHubKit.start();
  });
  afterAll(() => kit.close());

  /** A PR carrying the queue label, and the GraphQL ids a webhook would have told. */
  async function queuedPull(repo: RepoState) {
    const pr = await openPull(kit, repo);
    const octokit = kit.octokit();
    const where = { owner: 'acme', repo: repo.name };
    await octokit.rest.issues.addLabels({ ...where, issue_number: pr.number, labels: ['q'] });
    const { data: pull } = await octokit.rest.pulls.get({ ...where, pull_number: pr.number });
    const { data: label } = await octokit.rest.issues.getLabel({ ...where, name: 'q' });
    return { ...pr, pullId: pull.node_id, labelId: label.node_id };
  }

  it('creates, updates and takes a label off, in order, in one request, each answered', async () => {
    const repo = await kit.repo();
    const port = kit.port(repo);
    const pr = await queuedPull(repo);
    const repositoryId = await port.repositoryId();
    const created = await port.writeNotices(repositoryId, [
      { kind: 'check-run', check: state(pr.headSha, 'Queued') },
    ]);
    expect(created.kind).toBe('answered');
    const [first] = created.kind === 'answered' ? created.results : [];
    expect(first).toMatchObject({ kind: 'ok', id: expect.any(Number), nodeId: /^CR_/ });
    const run = first as { id: number; nodeId: string };

    const before = kit.gh.world.requests.length;
    const writes: NoticeBatchWrite[] = [
      { kind: 'remove-label', pullId: pr.pullId, labelId: pr.labelId },
      { kind: 'check-run', check: state(pr.headSha, 'Landed', true), run },
    ];
    const answer = await port.writeNotices(repositoryId, writes);
    expect(answer).toEqual({
      kind: 'answered',
      results: [{ kind: 'ok' }, { kind: 'ok', id: run.id, nodeId: run.nodeId }],
    });
    expect(kit.operationsSince(before)).toEqual([
      'graphql-mutation/removeLabelsFromLabelable+updateCheckRun',
    ]);
    expect(labelsOf(kit.services, { repo, number: pr.number })).toEqual([]);
    const { data } = await kit.octokit().rest.checks.get({
      owner: 'acme',
      repo: repo.name,
      check_run_id: run.id,
    });
    expect(data).toMatchObject({
      status: 'completed',
      conclusion: 'success',
      external_id: `acme/w#1@${pr.headSha}`,
      output: { title: 'Landed', summary: 'Landed.' },
    });
    kit.gh.assertClean();
  });

  it('answers each write on its own: one refused, the others written', async () => {
    const repo = await kit.repo();
    const port = kit.port(repo);
    const pr = await queuedPull(repo);
    const answer = await port.writeNotices(await port.repositoryId(), [
      { kind: 'check-run', check: state(pr.headSha, 'Queued') },
      { kind: 'check-run', check: state('f'.repeat(40), 'Queued') },
      { kind: 'remove-label', pullId: pr.pullId, labelId: pr.labelId },
    ]);
    expect(answer).toMatchObject({
      kind: 'answered',
      results: [
        { kind: 'ok' },
        { kind: 'rejected', message: expect.stringMatching(/No commit found/) },
        { kind: 'ok' },
      ],
    });
    expect(labelsOf(kit.services, { repo, number: pr.number })).toEqual([]);
  });

  it('says every write is unknown when GitHub answers 502 after writing them', async () => {
    const repo = await kit.repo();
    const port = kit.port(repo);
    const pr = await queuedPull(repo);
    const repositoryId = await port.repositoryId();
    const before = kit.gh.world.requests.length;
    kit.gh.faults.add({
      op: 'graphql-mutation/createCheckRun+removeLabelsFromLabelable',
      when: 'after',
      status: 502,
      times: 1,
    });
    const answer = await port.writeNotices(repositoryId, [
      { kind: 'check-run', check: state(pr.headSha, 'Queued') },
      { kind: 'remove-label', pullId: pr.pullId, labelId: pr.labelId },
    ]);
    expect(answer).toMatchObject({
      kind: 'answered',
      results: [{ kind: 'unknown' }, { kind: 'unknown' }],
    });
    // Written once, not retried: the caller looks before sending again.
    expect(kit.operationsSince(before)).toEqual([
      'graphql-mutation/createCheckRun+removeLabelsFromLabelable',
    ]);
    expect(labelsOf(kit.services, { repo, number: pr.number })).toEqual([]);
  });

  it('says a document GraphQL refused before running it wrote nothing, so REST can send it', async () => {
    const repo = await kit.repo();
    const port = kit.port(repo);
    const pr = await queuedPull(repo);
    const answer = await port.writeNotices(await port.repositoryId(), [
      // An annotation level GitHub's schema does not have: refused before anything runs.
      {
        kind: 'check-run',
        check: {
          ...state(pr.headSha, 'Queued'),
          output: {
            title: 'Queued',
            summary: '.',
            annotations: [
              {
                path: 'a',
                start_line: 1,
                end_line: 1,
                annotation_level: 'fatal' as 'failure',
                message: 'm',
              },
            ],
          },
        },
      },
    ]);
    // An input that does not fit its type, not a host without the mutation.
    expect(answer).toMatchObject({ kind: 'refused', hostLacksMutations: false });
    expect(kit.gh.world.requests.at(-1)).toMatchObject({ status: 200 });
  });
});
