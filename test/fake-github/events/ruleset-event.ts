import type { Services } from '../world/services.js';
import type { Account, RepoState, Ruleset } from '../world/types.js';
import { iso } from '../render/basics.js';
import { nodeId } from '../world/ids.js';
import { rulesetStamp, touchRuleset } from './policy-records.js';

type Rule = { type: string; parameters: Record<string, unknown> };

/** A ruleset's branch targets as its conditions spell them: full ref names, or `~` specials. */
const refNameOf = (pattern: string): string =>
  pattern.startsWith('~') || pattern.startsWith('refs/') ? pattern : `refs/heads/${pattern}`;

function rulesOf(ruleset: Ruleset): Rule[] {
  const rules: Rule[] = [];
  if (ruleset.requiredStatusChecks.length > 0)
    rules.push({
      type: 'required_status_checks',
      parameters: {
        strict_required_status_checks_policy: false,
        do_not_enforce_on_create: false,
        required_status_checks: ruleset.requiredStatusChecks,
      },
    });
  if (ruleset.requiredApprovingReviewCount !== null)
    rules.push({
      type: 'pull_request',
      parameters: {
        required_approving_review_count: ruleset.requiredApprovingReviewCount,
        dismiss_stale_reviews_on_push: false,
        require_code_owner_review: false,
        require_last_push_approval: false,
        required_review_thread_resolution: false,
      },
    });
  return rules;
}

function renderRuleset(services: Services, repo: RepoState, ruleset: Ruleset) {
  const { world } = services;
  const stamp = rulesetStamp(repo, ruleset);
  return {
    id: ruleset.id,
    name: ruleset.name,
    target: 'branch',
    source_type: 'Repository',
    source: repo.fullName,
    enforcement: 'active',
    bypass_actors: [],
    node_id: nodeId('RRS', ruleset.id),
    _links: {
      self: { href: `${world.apiUrl}/repos/${repo.fullName}/rulesets/${ruleset.id}` },
      html: { href: `${world.baseUrl}/${repo.fullName}/rules/${ruleset.id}` },
    },
    conditions: { ref_name: { include: ruleset.branches.map(refNameOf), exclude: [] } },
    rules: rulesOf(ruleset),
    created_at: iso(stamp.createdAt),
    updated_at: iso(stamp.updatedAt),
  };
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** `changes` of `repository_ruleset.edited`: the old name, rules added/deleted/updated, old targets. */
function changesOf(before: ReturnType<typeof renderRuleset>, after: typeof before) {
  const typesOf = (rules: Rule[]) => new Set(rules.map((r) => r.type));
  const [was, now] = [typesOf(before.rules), typesOf(after.rules)];
  const updated = after.rules.flatMap((rule) => {
    const old = before.rules.find((r) => r.type === rule.type);
    if (!old || same(old, rule)) return [];
    return [{ rule, changes: { configuration: { from: JSON.stringify(old.parameters) } } }];
  });
  const rules = {
    added: after.rules.filter((r) => !was.has(r.type)),
    deleted: before.rules.filter((r) => !now.has(r.type)),
    updated,
  };
  const include = before.conditions.ref_name.include;
  return {
    ...(before.name === after.name ? {} : { name: { from: before.name } }),
    ...(same(include, after.conditions.ref_name.include)
      ? {}
      : {
          conditions: {
            updated: [{ condition: after.conditions, changes: { include: { from: include } } }],
          },
        }),
    ...(same(before.rules, after.rules) ? {} : { rules }),
  };
}

/**
 * Sends `repository_ruleset` for a ruleset created (`before` undefined), edited, or deleted
 * (`after` null). An edit that changes nothing sends nothing.
 */
export function emitRulesetEvent(
  services: Services,
  input: { repo: RepoState; before?: Ruleset; after: Ruleset | null; sender: Account },
): void {
  const { repo, before, after, sender } = input;
  const emit = (action: string, payload: Record<string, unknown>) =>
    services.webhooks.emit({ repo, event: 'repository_ruleset', action, payload, sender });
  const now = services.world.clock.now();
  if (after === null) {
    if (before) emit('deleted', { repository_ruleset: renderRuleset(services, repo, before) });
    return;
  }
  if (!before) {
    touchRuleset(repo, after, now);
    return emit('created', { repository_ruleset: renderRuleset(services, repo, after) });
  }
  const old = renderRuleset(services, repo, before);
  if (same({ ...old, updated_at: '' }, { ...renderRuleset(services, repo, after), updated_at: '' }))
    return;
  touchRuleset(repo, after, now);
  const repositoryRuleset = renderRuleset(services, repo, after);
  emit('edited', {
    repository_ruleset: repositoryRuleset,
    changes: changesOf(old, repositoryRuleset),
  });
}
