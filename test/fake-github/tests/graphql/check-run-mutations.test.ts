import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import type { Received } from '../pulls/webhook-inbox.js';
import { comparable, startChecksWorld, type ChecksWorld } from './check-run-kit.js';

let world: ChecksWorld;
beforeAll(async () => {
  world = await startChecksWorld();
});
afterAll(() => world.kit.close());
afterEach(() => world.reset());

const repoArgs = () => ({ owner: 'acme', repo: world.repo.name });
const getRun = async (id: number) =>
  (await world.checker.octokit.rest.checks.get({ ...repoArgs(), check_run_id: id })).data;

const annotation = {
  path: 'src/a.ts',
  location: { startLine: 1, endLine: 1, startColumn: 1, endColumn: 5 },
  annotationLevel: 'WARNING',
  message: 'unused',
  title: 'lint',
  rawDetails: 'raw',
};

describe('createCheckRun and updateCheckRun', () => {
  it('write the run REST writes, with the same webhooks', async () => {
    const { checks } = world.checker.octokit.rest;
    // REST on main's commit, GraphQL on the PR head: the same two writes.
    const rest = await checks.create({
      ...repoArgs(),
      head_sha: world.mainSha,
      name: 'lint',
      status: 'in_progress',
      external_id: 'ext-1',
      details_url: 'https://ci.example/1',
      started_at: '2024-01-02T03:04:05Z',
      output: {
        title: 'Linting',
        summary: '2 files',
        text: 'details',
        annotations: [
          {
            path: 'src/a.ts',
            start_line: 1,
            end_line: 1,
            start_column: 1,
            end_column: 5,
            annotation_level: 'warning',
            message: 'unused',
            title: 'lint',
            raw_details: 'raw',
          },
        ],
      },
      actions: [{ label: 'Fix', description: 'Fix it', identifier: 'fix' }],
    });
    await checks.update({
      ...repoArgs(),
      check_run_id: rest.data.id,
      conclusion: 'failure',
      completed_at: '2024-01-02T03:05:00Z',
      output: { title: 'Lint failed', summary: '1 problem' },
    });

    const created = await world.write([
      {
        mutation: 'createCheckRun',
        input: {
          repositoryId: world.repositoryId,
          headSha: world.headSha,
          name: 'lint',
          status: 'IN_PROGRESS',
          externalId: 'ext-1',
          detailsUrl: 'https://ci.example/1',
          startedAt: '2024-01-02T03:04:05Z',
          output: {
            title: 'Linting',
            summary: '2 files',
            text: 'details',
            annotations: [annotation],
          },
          actions: [{ label: 'Fix', description: 'Fix it', identifier: 'fix' }],
          clientMutationId: 'c-1',
        },
      },
    ]);
    const run = (created.body.data as { w0: { checkRun: { id: string; databaseId: number } } }).w0
      .checkRun;
    const updated = await world.write([
      {
        mutation: 'updateCheckRun',
        input: {
          repositoryId: world.repositoryId,
          checkRunId: run.id,
          conclusion: 'FAILURE',
          completedAt: '2024-01-02T03:05:00Z',
          output: { title: 'Lint failed', summary: '1 problem' },
        },
      },
    ]);

    expect(updated.body).toEqual({
      data: {
        w0: {
          clientMutationId: null,
          checkRun: {
            id: run.id,
            databaseId: run.databaseId,
            name: 'lint',
            status: 'COMPLETED',
            conclusion: 'FAILURE',
            title: 'Lint failed',
            summary: '1 problem',
            externalId: 'ext-1',
            detailsUrl: 'https://ci.example/1',
          },
        },
      },
    });
    const [viaRest, viaGraphql] = [await getRun(rest.data.id), await getRun(run.databaseId)];
    expect(viaGraphql.node_id).toBe(run.id);
    expect(viaGraphql.head_sha).toBe(world.headSha);
    expect(comparable(viaGraphql)).toEqual(comparable(viaRest));
    const annotations = async (id: number) =>
      (await checks.listAnnotations({ ...repoArgs(), check_run_id: id })).data.map(
        ({ blob_href, ...rest }) => (void blob_href, rest),
      );
    expect(await annotations(run.databaseId)).toEqual(await annotations(rest.data.id));

    const received = await world.checkEvents();
    const subjectOf = (r: Received) =>
      (r.payload.check_run ?? r.payload.check_suite) as Record<string, unknown>;
    const about = (sha: string) => received.filter((r) => subjectOf(r).head_sha === sha);
    const eventsOn = (sha: string) =>
      about(sha).map((r) => {
        const { status, conclusion } = subjectOf(r);
        const sender = (r.payload.sender as { login: string }).login;
        return [`${r.event}.${r.action}`, status, conclusion, sender];
      });
    expect(eventsOn(world.headSha)).toEqual(eventsOn(world.mainSha));
    expect(eventsOn(world.headSha)).toEqual([
      ['check_run.created', 'in_progress', null, 'checker[bot]'],
      ['check_run.completed', 'completed', 'failure', 'checker[bot]'],
      ['check_suite.completed', 'completed', 'failure', 'checker[bot]'],
    ]);
    // The webhook's run is the REST run, whichever API wrote it.
    const createdRun = (sha: string) => comparable(subjectOf(about(sha)[0]!));
    expect(createdRun(world.headSha)).toEqual(createdRun(world.mainSha));
  });

  it('maps the schema enums to REST values, and answers them back in upper case', async () => {
    const conclusions = ['SUCCESS', 'FAILURE', 'NEUTRAL', 'CANCELLED', 'ACTION_REQUIRED'];
    const more = ['TIMED_OUT', 'SKIPPED'];
    const writes = [
      { status: 'QUEUED' },
      { status: 'IN_PROGRESS' },
      ...[...conclusions, ...more].map((conclusion) => ({ status: 'COMPLETED', conclusion })),
    ].map((fields, i) => ({
      mutation: 'createCheckRun' as const,
      input: {
        repositoryId: world.repositoryId,
        headSha: world.headSha,
        name: `enum-${i}`,
        ...fields,
      },
    }));

    const answer = await world.write(writes);

    const data = answer.body.data as Record<string, { checkRun: Record<string, unknown> }>;
    expect(answer.body.errors).toBeUndefined();
    const back = writes.map((_, i) => data[`w${i}`]!.checkRun);
    expect(back.map((run) => [run.status, run.conclusion])).toEqual(
      writes.map(({ input }) => [
        input.status ?? 'QUEUED',
        'conclusion' in input ? input.conclusion : null,
      ]),
    );
    const rest = await Promise.all(back.map((run) => getRun(run.databaseId as number)));
    expect(rest.map((run) => [run.status, run.conclusion])).toEqual(
      writes.map(({ input }) => [
        (input.status ?? 'QUEUED').toLowerCase(),
        'conclusion' in input ? String(input.conclusion).toLowerCase() : null,
      ]),
    );
  });
});
