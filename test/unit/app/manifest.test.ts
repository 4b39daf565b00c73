import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { load } from 'js-yaml';
import { ProbotOctokit } from 'probot';
import { webhookEvents } from '../../../src/app.js';
import { readWebhookServerEnv } from '../../../src/runtime/webhook-server-env.js';
import { loadGitHubSpec } from '../../fake-github/spec/index.js';
import {
  appJwtOperations,
  clientOperations,
  isPermitted,
  permissionsNeeded,
} from '../../fake-github/auth/permissions.js';
import { handlers } from '../../fake-github/handlers/index.js';
import { userOperations } from '../../fake-github/oauth/user-to-server.js';
import type { Permissions } from '../../fake-github/world/types.js';

const root = resolve(import.meta.dirname, '../../..');
const namespaces = ['actions', 'apps', 'checks', 'git', 'issues', 'pulls', 'repos'];

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((e) =>
      e.isDirectory()
        ? sourceFiles(join(dir, e.name))
        : Promise.resolve(e.name.endsWith('.ts') ? [join(dir, e.name)] : []),
    ),
  );
  return nested.flat();
}

/**
 * Every REST method the app's code calls (`git.updateRef(`, `octokit.rest.checks\n.create(`,
 * `paginate(octokit.rest.pulls.list, …)`),
 * resolved to GitHub's operationId through Octokit's own endpoint table and the spec.
 */
async function operationsTheAppCalls(): Promise<string[]> {
  const octokit = new ProbotOctokit();
  const spec = await loadGitHubSpec();
  const calls = new Set<string>();
  // The changelog's GitHub calls run in the Action with the workflow's token, not as the app.
  const appFiles = (await sourceFiles(resolve(root, 'src'))).filter(
    (f) => !f.includes('/changelog-github/'),
  );
  for (const file of appFiles) {
    const text = await readFile(file, 'utf8');
    for (const match of text.matchAll(
      new RegExp(`\\b(${namespaces.join('|')})\\s*\\.\\s*([a-zA-Z]+)\\s*[(,]`, 'g'),
    )) {
      const method = (
        octokit.rest as unknown as Record<
          string,
          Record<string, { endpoint?: { DEFAULTS: { method: string; url: string } } }>
        >
      )[match[1]!]?.[match[2]!];
      const defaults = method?.endpoint?.DEFAULTS;
      if (!defaults) continue;
      const route = spec.match(defaults.method, defaults.url);
      if (route.kind === 'operation') calls.add(route.operationId);
    }
  }
  return [...calls].sort();
}

describe('app.yml', () => {
  it('subscribes to exactly the events the app handles', async () => {
    const manifest = load(await readFile(resolve(root, 'app.yml'), 'utf8')) as {
      default_events: string[];
    };
    expect([...manifest.default_events].sort()).toEqual([...webhookEvents].sort());
  });

  it('registers the webhook URL at the path the app serves webhooks on, over HTTPS', async () => {
    const manifest = load(await readFile(resolve(root, 'app.yml'), 'utf8')) as {
      hook_attributes?: { url?: string };
    };
    // Probot's setup page spreads app.yml over its defaults: without hook_attributes it would
    // register the setup page's root URL, where nothing serves webhooks.
    const url = new URL(manifest.hook_attributes?.url ?? '');
    expect(url.protocol).toBe('https:');
    expect(url.pathname).toBe(readWebhookServerEnv({}).webhookPath);
    expect(url.pathname).toBe('/api/github/webhooks');
  });

  it('grants every operation the app calls, implemented by the local GitHub, and nothing more', async () => {
    const manifest = load(await readFile(resolve(root, 'app.yml'), 'utf8')) as {
      default_permissions: Permissions;
    };
    const granted = manifest.default_permissions;
    const used = await operationsTheAppCalls();
    expect(used.length).toBeGreaterThan(25);
    // The dashboard's calls with a signed-in person's own token (about that person), and its
    // client's revocation of that token at sign-out, need no installation permission;
    // everything else it does goes through the installation.
    const installationOps = used.filter(
      (op) => !appJwtOperations.has(op) && !userOperations.has(op) && !clientOperations.has(op),
    );
    expect(installationOps.filter((op) => !isPermitted(op, granted))).toEqual([]);
    expect(used.filter((op) => !handlers[op])).toEqual([]);
    // Least privilege: each permission (but metadata, which every app has) serves some call,
    // and `write` only where some call needs write.
    const needed = new Map<string, 'read' | 'write'>();
    for (const op of installationOps) {
      // The alternative this grant satisfies (labels: issues or pull_requests write).
      const [permission, access] =
        (permissionsNeeded(op) ?? []).find(
          ([p, a]) => granted[p] === 'write' || (granted[p] === 'read' && a === 'read'),
        ) ?? [];
      if (permission && permission !== 'metadata' && access && needed.get(permission) !== 'write')
        needed.set(permission, access);
    }
    // `workflows` serves no operation of its own: GitHub checks it on every ref move (and merge)
    // whose commit changes `.github/workflows/**`, which a queue must be able to land.
    expect(granted.workflows).toBe('write');
    const { metadata: _, workflows: __, ...rest } = granted;
    expect(rest).toEqual(Object.fromEntries([...needed].sort()));
  });
});
