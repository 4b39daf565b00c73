import type { ProbotOctokit } from 'probot';
import type { RegisteredApp } from '../../control/register-app.js';
import { repositoryNodeId } from '../../graphql/repository-node-id.js';
import { WebhookInbox, type Received, type WebhookPayload } from '../pulls/webhook-inbox.js';
import {
  installationOctokit,
  installationToken,
  startOnePullWorld,
  postGraphql,
  type OnePullWorld,
  type RawAnswer,
} from './graphql-kit.js';

/** One aliased field of a mutation document, its input passed as a variable. */
export interface Write {
  mutation: 'createCheckRun' | 'updateCheckRun' | 'removeLabelsFromLabelable';
  input: Record<string, unknown>;
}

const inputTypes: Record<Write['mutation'], string> = {
  createCheckRun: 'CreateCheckRunInput',
  updateCheckRun: 'UpdateCheckRunInput',
  removeLabelsFromLabelable: 'RemoveLabelsFromLabelableInput',
};

const checkRunSelection =
  '{ clientMutationId checkRun { id databaseId name status conclusion title summary externalId detailsUrl } }';
const selections: Record<Write['mutation'], string> = {
  createCheckRun: checkRunSelection,
  updateCheckRun: checkRunSelection,
  removeLabelsFromLabelable:
    '{ clientMutationId labelable { labels(first: 10) { nodes { name } } } }',
};

/** `mutation ($w0: …, $w1: …) { w0: createCheckRun(input: $w0) {…} w1: … }`, as the app batches its writes. */
export function mutationDocument(writes: readonly Write[]): {
  query: string;
  variables: Record<string, unknown>;
} {
  const params = writes.map((w, i) => `$w${i}: ${inputTypes[w.mutation]}!`).join(', ');
  const fields = writes.map(
    (w, i) => `  w${i}: ${w.mutation}(input: $w${i}) ${selections[w.mutation]}`,
  );
  return {
    query: `mutation (${params}) {\n${fields.join('\n')}\n}`,
    variables: Object.fromEntries(writes.map((w, i) => [`w${i}`, w.input])),
  };
}

/** A run as REST renders it, without what names this particular run (ids, urls, commit). */
export function comparable(run: Record<string, unknown>): Record<string, unknown> {
  const { id, node_id, url, html_url, head_sha, check_suite, pull_requests, output, ...rest } = run;
  void [id, node_id, url, html_url, head_sha, check_suite, pull_requests];
  const { annotations_url, ...outputRest } = output as Record<string, unknown>;
  void annotations_url;
  return { ...rest, output: outputRest };
}

export interface ChecksWorld extends OnePullWorld {
  /** A checks app (`checks: write`) subscribed to `check_run` and `check_suite`. */
  checker: RegisteredApp & {
    octokit: InstanceType<typeof ProbotOctokit>;
    auth: string;
    inbox: WebhookInbox;
  };
  repositoryId: string;
  mainSha: string;
  headSha: string;
  /** Posts one aliased mutation document as the checks app (or with `auth`). */
  write(writes: readonly Write[], auth?: string): Promise<RawAnswer>;
  /** The checks app's webhooks so far about the repository, once every delivery has been made. */
  checkEvents(): Promise<Received[]>;
}

export async function startChecksWorld(): Promise<ChecksWorld> {
  const world = await startOnePullWorld();
  const { kit, repo } = world;
  const registered = kit.gh.registerApp({
    slug: 'checker',
    permissions: { checks: 'write', pull_requests: 'read' },
    events: ['check_run', 'check_suite'],
  });
  const inbox = new WebhookInbox();
  const installation = kit.gh.install(registered.app, {
    account: 'acme',
    receiver: (delivery) => {
      const payload = JSON.parse(delivery.body) as WebhookPayload;
      const action = payload.action as string | undefined;
      inbox.received.push({ event: delivery.event, action, payload });
      return Promise.resolve({ status: 200 });
    },
  });
  const octokit = installationOctokit(kit, registered, installation);
  const auth = `token ${await installationToken(octokit)}`;
  return {
    ...world,
    checker: { ...registered, octokit, auth, inbox },
    repositoryId: repositoryNodeId(repo.id),
    mainSha: (await repo.git.resolveRef('refs/heads/main'))!,
    headSha: world.pr.pull.headSha,
    write: (writes, as = auth) => postGraphql(kit, mutationDocument(writes), as),
    checkEvents: async () => {
      await new Promise((r) => setImmediate(r));
      await kit.gh.deliveries.idle.wait();
      return inbox.deliveriesFor(repo);
    },
  };
}
