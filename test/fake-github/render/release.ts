import type { World } from '../world/world.js';
import type { Release, RepoState } from '../world/types.js';
import { nodeId } from '../world/ids.js';
import { iso, isoOrNull, renderUser } from './basics.js';

/**
 * A draft has no tag yet, so GitHub shows it under a placeholder `untagged-<hex>` while the
 * API's `tag_name` keeps the intended tag (cli/cli#9367); the placeholder here is the id.
 */
function pageTag(release: Release): string {
  return release.draft ? `untagged-${release.id.toString(16).padStart(20, '0')}` : release.tagName;
}

/**
 * The REST `release` and the `release` of release webhooks (which also require
 * `updated_at`, `immutable` and the archive links). Assets are never uploaded here.
 */
export function renderRelease(
  world: World,
  repo: RepoState,
  release: Release,
): Record<string, unknown> {
  const api = `${world.apiUrl}/repos/${repo.fullName}`;
  const url = `${api}/releases/${release.id}`;
  const tag = encodeURI(release.tagName);
  return {
    url,
    html_url: `${world.baseUrl}/${repo.fullName}/releases/tag/${encodeURI(pageTag(release))}`,
    assets_url: `${url}/assets`,
    // GitHub Enterprise Server's form: uploads go to the same host under /api/uploads.
    upload_url: `${world.baseUrl}/api/uploads/repos/${repo.fullName}/releases/${release.id}/assets{?name,label}`,
    tarball_url: release.draft ? null : `${api}/tarball/${tag}`,
    zipball_url: release.draft ? null : `${api}/zipball/${tag}`,
    id: release.id,
    node_id: nodeId('RE', release.id),
    tag_name: release.tagName,
    target_commitish: release.targetCommitish,
    name: release.name,
    body: release.body,
    draft: release.draft,
    prerelease: release.prerelease,
    immutable: false,
    created_at: iso(release.createdAt),
    published_at: isoOrNull(release.publishedAt),
    updated_at: iso(release.updatedAt),
    author: renderUser(world, release.author),
    assets: [],
  };
}
