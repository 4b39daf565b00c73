import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PullKit } from '../pulls/pull-kit.js';
import type { Permissions, RepoState } from '../../world/types.js';

interface Delivery {
  event: string;
  action: string | undefined;
  payload: Record<string, unknown> & { repository?: { full_name?: string } };
}

const policyEvents = ['branch_protection_rule', 'repository_ruleset'];

let kit: PullKit;
/** Subscribed, with administration: read. */
let admin: Delivery[];
/** Subscribed, without the administration permission GitHub requires for these events. */
let noAdmin: Delivery[];
beforeAll(async () => {
  kit = await PullKit.start();
  admin = listen('policy-reader', { contents: 'read', administration: 'read' });
  noAdmin = listen('policy-blind', { contents: 'read' });
});
afterAll(() => kit.close());

function listen(slug: string, permissions: Permissions): Delivery[] {
  const received: Delivery[] = [];
  const { app } = kit.gh.registerApp({ slug, permissions, events: policyEvents });
  kit.gh.install(app, {
    account: 'acme',
    receiver: (delivery) => {
      const payload = JSON.parse(delivery.body) as Delivery['payload'];
      received.push({ event: delivery.event, action: payload.action as string, payload });
      return Promise.resolve({ status: 200 });
    },
  });
  return received;
}

async function delivered(repo: RepoState, to: Delivery[]) {
  await new Promise((r) => setImmediate(r));
  await kit.gh.deliveries.idle.wait();
  return to.filter((d) => d.payload.repository?.full_name === repo.fullName);
}

const summary = (d: Delivery) => `${d.event}.${d.action}`;

describe('branch protection changes send branch_protection_rule', () => {
  it('sends created, edited with what changed, and deleted with the rule as it was', async () => {
    const repo = await kit.repo();
    const handle = kit.gh.repo(repo.fullName);
    handle.protect('main', { requiredChecks: ['build'] }, 'alice');
    handle.protect('main', { requiredChecks: ['build', 'e2e'], enforceAdmins: true }, 'alice');
    handle.protect('main', null, 'alice');
    const got = await delivered(repo, admin);
    expect(got.map(summary)).toEqual([
      'branch_protection_rule.created',
      'branch_protection_rule.edited',
      'branch_protection_rule.deleted',
    ]);
    const [created, edited, deleted] = got.map((d) => d.payload);
    expect(created).toMatchObject({
      rule: {
        name: 'main',
        repository_id: repo.id,
        required_status_checks: ['build'],
        required_status_checks_enforcement_level: 'non_admins',
        admin_enforced: false,
      },
      sender: { login: 'alice' },
      installation: expect.any(Object),
    });
    expect(edited).toMatchObject({
      rule: {
        required_status_checks: ['build', 'e2e'],
        required_status_checks_enforcement_level: 'everyone',
        admin_enforced: true,
      },
      changes: {
        required_status_checks: { from: ['build'] },
        required_status_checks_enforcement_level: { from: 'non_admins' },
        admin_enforced: { from: false },
      },
    });
    // One rule throughout: the same id until it is deleted.
    const ids = [created, edited, deleted].map((p) => (p!.rule as { id: number }).id);
    expect(new Set(ids).size).toBe(1);
    expect(deleted).toMatchObject({ rule: { required_status_checks: ['build', 'e2e'] } });
    // Every payload validated against GitHub's webhook schemas (a bad one is a violation).
    kit.gh.assertClean();
  });

  it('sends nothing for a save that changes nothing, or removing a rule that does not exist', async () => {
    const repo = await kit.repo();
    const handle = kit.gh.repo(repo.fullName);
    handle.protect('release', null);
    handle.protect('main', { requiredChecks: ['build'] });
    handle.protect('main', { requiredChecks: ['build'] });
    expect((await delivered(repo, admin)).map(summary)).toEqual(['branch_protection_rule.created']);
  });
});

describe('ruleset changes send repository_ruleset', () => {
  it('sends created, edited with the rules that changed, and deleted', async () => {
    const repo = await kit.repo();
    const handle = kit.gh.repo(repo.fullName);
    const ruleset = handle.addRuleset({
      name: 'gate',
      branches: ['main'],
      requiredChecks: ['lint'],
    });
    handle.editRuleset(ruleset.id, {
      name: 'gate',
      branches: ['main'],
      requiredChecks: ['lint', 'test'],
      requiredApprovals: 1,
    });
    handle.removeRuleset(ruleset.id);
    const got = await delivered(repo, admin);
    expect(got.map(summary)).toEqual([
      'repository_ruleset.created',
      'repository_ruleset.edited',
      'repository_ruleset.deleted',
    ]);
    expect(got[0]!.payload).toMatchObject({
      repository_ruleset: {
        id: ruleset.id,
        name: 'gate',
        target: 'branch',
        source_type: 'Repository',
        source: repo.fullName,
        enforcement: 'active',
        conditions: { ref_name: { include: ['refs/heads/main'], exclude: [] } },
        rules: [
          {
            type: 'required_status_checks',
            parameters: expect.objectContaining({ required_status_checks: [{ context: 'lint' }] }),
          },
        ],
      },
    });
    expect(got[1]!.payload).toMatchObject({
      changes: {
        rules: {
          added: [expect.objectContaining({ type: 'pull_request' })],
          deleted: [],
          updated: [
            expect.objectContaining({
              rule: expect.objectContaining({ type: 'required_status_checks' }),
            }),
          ],
        },
      },
    });
    expect(got[2]!.payload).toMatchObject({ repository_ruleset: { id: ruleset.id } });
    kit.gh.assertClean();
  });

  it('reaches the rulesets GraphQL and REST then read: the change is the policy', async () => {
    const repo = await kit.repo();
    const handle = kit.gh.repo(repo.fullName);
    const ruleset = handle.addRuleset({
      name: 'gate',
      branches: ['main'],
      requiredChecks: ['lint'],
    });
    handle.editRuleset(ruleset.id, { name: 'gate', branches: ['main'], requiredChecks: ['e2e'] });
    const { data } = await kit
      .app()
      .rest.repos.getBranchRules({ owner: 'acme', repo: repo.name, branch: 'main' });
    expect(data).toEqual([
      expect.objectContaining({
        type: 'required_status_checks',
        parameters: expect.objectContaining({ required_status_checks: [{ context: 'e2e' }] }),
      }),
    ]);
  });
});

describe('who hears policy changes', () => {
  it('sends them only to apps subscribed to them that hold the administration permission', async () => {
    const repo = await kit.repo();
    const handle = kit.gh.repo(repo.fullName);
    handle.protect('main', { requiredChecks: ['build'] });
    handle.addRuleset({ name: 'gate', branches: ['main'], requiredChecks: ['lint'] });
    expect((await delivered(repo, admin)).map(summary)).toEqual([
      'branch_protection_rule.created',
      'repository_ruleset.created',
    ]);
    expect(await delivered(repo, noAdmin)).toEqual([]);
    // The kit's own app has administration but subscribes only to pull_request and push.
    expect(kit.inbox.deliveriesFor(repo).filter((d) => policyEvents.includes(d.event))).toEqual([]);
  });
});
