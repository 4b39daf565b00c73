import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { postGraphql } from './graphql-kit.js';
import { startChecksWorld, type ChecksWorld, type Write } from './check-run-kit.js';

let world: ChecksWorld;
beforeAll(async () => {
  world = await startChecksWorld();
});
afterAll(() => world.kit.close());
afterEach(() => world.reset());

const CREATE_THEN_UPDATE = 'graphql-mutation/createCheckRun+updateCheckRun';
const lastOperationId = () => world.kit.gh.world.requests.at(-1)?.operationId;
const create = (name: string): Write => ({
  mutation: 'createCheckRun',
  input: { repositoryId: world.repositoryId, headSha: world.headSha, name, status: 'QUEUED' },
});
const update = (checkRunId: string): Write => ({
  mutation: 'updateCheckRun',
  input: { repositoryId: world.repositoryId, checkRunId, status: 'IN_PROGRESS' },
});
const runsNamed = (name: string) =>
  [...world.repo.checkRuns.values()].filter((run) => run.name === name);

async function createdRunId(name: string): Promise<string> {
  const answer = await world.write([create(name)]);
  return (answer.body.data as { w0: { checkRun: { id: string } } }).w0.checkRun.id;
}

describe('GraphQL mutations in the request log and under faults', () => {
  it('names a mutation by its distinct fields, in first-seen order; queries by every field', async () => {
    const id = await createdRunId('named');
    await world.write(Array.from({ length: 16 }, () => update(id)));
    expect(lastOperationId()).toBe('graphql-mutation/updateCheckRun');

    // The shape the app sends: literal inputs, enum values unquoted.
    const literal = `mutation {
      w0: createCheckRun(input: { repositoryId: "${world.repositoryId}", headSha: "${world.headSha}", name: "literal", status: IN_PROGRESS }) { checkRun { id databaseId } }
      w1: updateCheckRun(input: { repositoryId: "${world.repositoryId}", checkRunId: "${id}", status: COMPLETED, conclusion: SUCCESS }) { checkRun { databaseId } }
      w2: createCheckRun(input: { repositoryId: "${world.repositoryId}", headSha: "${world.headSha}", name: "literal-2" }) { checkRun { id } }
    }`;
    const answer = await postGraphql(world.kit, { query: literal }, world.checker.auth);
    expect(answer.body.errors).toBeUndefined();
    expect(lastOperationId()).toBe(CREATE_THEN_UPDATE);
    expect(runsNamed('named')[0]?.conclusion).toBe('success');

    await world.post(`{
      a: repository(owner: "acme", name: "${world.repo.name}") { id }
      b: repository(owner: "acme", name: "${world.repo.name}") { id }
    }`);
    expect(lastOperationId()).toBe('graphql/repository+repository');
  });

  it("applies the writes and sends their webhooks when an 'after' fault answers 502", async () => {
    const id = await createdRunId('before-the-fault');
    world.kit.gh.faults.add({ op: CREATE_THEN_UPDATE, times: 1, when: 'after', status: 502 });

    const answer = await world.write([create('applied'), update(id)]);

    expect([answer.status, answer.body.message]).toEqual([502, 'Server Error']);
    expect(runsNamed('applied')).toHaveLength(1);
    expect(runsNamed('before-the-fault')[0]?.status).toBe('in_progress');
    const received = await world.checkEvents();
    const names = received.map((r) => (r.payload.check_run as { name?: string } | undefined)?.name);
    expect(names).toContain('applied');
    expect(world.kit.gh.world.requests.at(-1)).toMatchObject({ status: 502, faulted: true });
  });

  it("applies nothing when a 'before' fault answers 502", async () => {
    world.kit.gh.faults.add({ op: 'graphql-mutation/createCheckRun', times: 1, status: 502 });
    const answer = await world.write([create('never')]);
    expect(answer.status).toBe(502);
    expect(runsNamed('never')).toEqual([]);
  });

  it('reports the blind retry of a mutation that answered 5xx, not a retry after a re-read', async () => {
    const op = 'graphql-mutation/createCheckRun';
    world.kit.gh.faults.add({ op, times: 2, when: 'after', status: 502 });
    const write = () => world.write([create('retried')]);
    expect((await write()).status).toBe(502);
    // The app looks before it tries again (the same caller: that is what tells the two apart).
    const look = `{ repository(owner: "acme", name: "${world.repo.name}") { id } }`;
    await postGraphql(world.kit, { query: look }, world.checker.auth);
    expect((await write()).status).toBe(502);
    world.kit.gh.assertClean();

    // The same document again at once: the duplicate run is what assertClean warns about.
    await write();
    expect(runsNamed('retried')).toHaveLength(3);
    expect(() => world.kit.gh.assertClean()).toThrow(
      /repeated write after 502: POST \/api\/graphql \(a blind retry\?\)/,
    );
    // Provoked on purpose: forget the traffic so the file's end-of-test check stays green.
    world.kit.gh.world.requests.length = 0;
  });
});
