import { describe, expect, it } from '@jest/globals';
import { loadGitHubSpec } from './load-github-spec.js';

describe('structural spec patches', () => {
  it('accepts an installation list whose account is a user, as GitHub sends it', async () => {
    const spec = await loadGitHubSpec();
    const account = {
      login: 'acme',
      id: 1,
      node_id: 'O_1',
      avatar_url: 'https://x/a',
      gravatar_id: '',
      url: 'https://x/u',
      html_url: 'https://x/acme',
      followers_url: 'https://x',
      following_url: 'https://x',
      gists_url: 'https://x',
      starred_url: 'https://x',
      subscriptions_url: 'https://x',
      organizations_url: 'https://x',
      repos_url: 'https://x',
      events_url: 'https://x',
      received_events_url: 'https://x',
      type: 'Organization',
      site_admin: false,
    };
    const installation = {
      id: 1,
      account,
      repository_selection: 'all',
      access_tokens_url: 'https://x',
      repositories_url: 'https://x',
      html_url: 'https://x',
      app_id: 1,
      app_slug: 's',
      target_id: 1,
      target_type: 'Organization',
      permissions: {},
      events: [],
      created_at: '2026-01-01T00:00:00Z',
      updated_at: '2026-01-01T00:00:00Z',
      single_file_name: null,
      suspended_by: null,
      suspended_at: null,
    };
    expect(
      spec.validateResponse({
        operationId: 'apps/list-installations',
        status: 200,
        body: [installation],
      }),
    ).toEqual({ ok: true, excused: [] });
    const broken = { ...installation, account: { login: 'acme' } };
    expect(
      spec.validateResponse({ operationId: 'apps/list-installations', status: 200, body: [broken] })
        .ok,
    ).toBe(false);
  });
});
