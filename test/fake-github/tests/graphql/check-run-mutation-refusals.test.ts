import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { checkRunWording as words, unknownNode } from '../../graphql/github-wording.js';
import { repositoryNodeId } from '../../graphql/repository-node-id.js';
import { installAppWith, installationToken } from './graphql-kit.js';
import { startChecksWorld, type ChecksWorld, type Write } from './check-run-kit.js';

let world: ChecksWorld;
beforeAll(async () => {
  world = await startChecksWorld();
});
afterAll(() => world.kit.close());
afterEach(() => world.reset());

const create = (name: string, fields: Record<string, unknown> = {}): Write => ({
  mutation: 'createCheckRun',
  input: { repositoryId: world.repositoryId, headSha: world.headSha, name, ...fields },
});
const update = (checkRunId: string, fields: Record<string, unknown> = {}): Write => ({
  mutation: 'updateCheckRun',
  input: { repositoryId: world.repositoryId, checkRunId, ...fields },
});
const refusal = (alias: string, type: string, message: string) =>
  expect.objectContaining({ type, path: [alias], message });
const runNames = async () =>
  (
    await world.checker.octokit.rest.checks.listForRef({
      owner: 'acme',
      repo: world.repo.name,
      ref: world.headSha,
    })
  ).data.check_runs.map((run) => run.name);

async function createdRunId(name: string): Promise<string> {
  const answer = await world.write([create(name, { status: 'IN_PROGRESS' })]);
  return (answer.body.data as { w0: { checkRun: { id: string } } }).w0.checkRun.id;
}

describe('refused check run writes', () => {
  it('fail alias by alias: the others are applied, in document order', async () => {
    const answer = await world.write([
      create('first'),
      create('no-commit', { headSha: '0'.repeat(40) }),
      update('CR_kgDOZZZZZ', { status: 'IN_PROGRESS' }),
      create('no-conclusion', { status: 'COMPLETED' }),
      create('stale', { conclusion: 'STALE' }),
      create('startup', { conclusion: 'STARTUP_FAILURE' }),
      create('last'),
    ]);

    expect(answer.status).toBe(200);
    const data = answer.body.data as Record<string, { checkRun: { databaseId: number } } | null>;
    expect(Object.entries(data).map(([alias, value]) => [alias, value === null])).toEqual([
      ['w0', false],
      ['w1', true],
      ['w2', true],
      ['w3', true],
      ['w4', true],
      ['w5', true],
      ['w6', false],
    ]);
    expect(data.w0!.checkRun.databaseId).toBeLessThan(data.w6!.checkRun.databaseId);
    expect(answer.body.errors).toEqual([
      refusal('w1', 'UNPROCESSABLE', words.unknownCommit('0'.repeat(40))),
      refusal('w2', 'NOT_FOUND', words.unknownCheckRun('CR_kgDOZZZZZ')),
      refusal('w3', 'UNPROCESSABLE', words.missingConclusion),
      refusal('w4', 'UNPROCESSABLE', words.reservedConclusion('stale')),
      refusal('w5', 'UNPROCESSABLE', words.reservedConclusion('startup_failure')),
    ]);
    const names = await runNames();
    expect(names).toEqual(expect.arrayContaining(['first', 'last']));
    for (const refused of ['no-commit', 'no-conclusion', 'stale', 'startup'])
      expect(names).not.toContain(refused);
  });

  it("refuses another app's run, changing nothing", async () => {
    const id = await createdRunId('mine');
    const other = installAppWith(world.kit, 'other-checker', { checks: 'write' });
    const answer = await world.write(
      [update(id, { conclusion: 'SUCCESS' })],
      `token ${await installationToken(other)}`,
    );
    expect(answer.body).toEqual({
      data: { w0: null },
      errors: [refusal('w0', 'FORBIDDEN', words.notOwner(world.checker.app.id))],
    });
    const run = [...world.repo.checkRuns.values()].find((r) => r.name === 'mine');
    expect([run?.status, run?.conclusion]).toEqual(['in_progress', null]);
  });

  it('refuses a person, an installation without checks: write, and a repository outside the installation', async () => {
    const person = `token ${world.kit.gh.createUser('alice').token}`;
    expect((await world.write([create('by-alice')], person)).body.errors).toEqual([
      refusal('w0', 'FORBIDDEN', words.notAnApp),
    ]);
    // The kit's own app reads checks only.
    expect((await world.write([create('by-reader')], world.auth)).body.errors).toEqual([
      refusal('w0', 'FORBIDDEN', 'Resource not accessible by integration'),
    ]);
    const elsewhere = await world.kit.gh.createRepo({
      fullName: 'umbrella/tools',
      files: { 'a.txt': 'a\n' },
    });
    const outside = repositoryNodeId(elsewhere.id);
    const answer = await world.write([create('outside', { repositoryId: outside })]);
    expect(answer.body.errors).toEqual([refusal('w0', 'NOT_FOUND', unknownNode(outside))]);
    expect(elsewhere.checkRuns.size).toBe(0);
    const names = await runNames();
    for (const refused of ['by-alice', 'by-reader']) expect(names).not.toContain(refused);
  });

  it('answers an update of a run in another repository of the installation NOT_FOUND', async () => {
    const id = await createdRunId('here');
    const other = await world.kit.repo();
    const answer = await world.write([
      {
        mutation: 'updateCheckRun',
        input: { repositoryId: repositoryNodeId(other.id), checkRunId: id },
      },
    ]);
    expect(answer.body.errors).toEqual([refusal('w0', 'NOT_FOUND', words.unknownCheckRun(id))]);
  });
});
