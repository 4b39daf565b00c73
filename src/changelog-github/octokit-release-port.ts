import type { ReleasePort } from '../changelog/index.js';
import { createOctokit } from './create-octokit.js';
import { GitHubRequestError, statusOf } from './github-errors.js';
import type { GitHubRepository } from './octokit-title-lookup.js';

/** GitHub Releases through REST; a missing release is a value, any other failure throws. */
export function createOctokitReleasePort(repository: GitHubRepository): ReleasePort {
  const octokit = createOctokit(repository);
  const { owner, repo } = repository;
  const fail = (what: string, error: unknown) =>
    new GitHubRequestError(`${what} in ${owner}/${repo} failed`, { cause: error });
  return {
    async findRelease(tag) {
      try {
        const response = await octokit.rest.repos.getReleaseByTag({ owner, repo, tag });
        const { id, html_url: url, body } = response.data;
        return { id, url, body: body ?? '' };
      } catch (error) {
        if (statusOf(error) !== 404) throw fail(`reading the release for ${tag}`, error);
      }
      // A draft (release-drafter's, or one a maintainer prepared) has no tag yet, so the lookup
      // by tag misses it; its notes are written into it rather than beside it. Drafts are listed
      // first, and only to tokens that can push (which updating the release needs anyway).
      try {
        const { data } = await octokit.rest.repos.listReleases({ owner, repo, per_page: 100 });
        const draft = data.find((release) => release.draft && release.tag_name === tag);
        return draft ? { id: draft.id, url: draft.html_url, body: draft.body ?? '' } : undefined;
      } catch (error) {
        throw fail(`listing releases to find a draft for ${tag}`, error);
      }
    },
    async updateRelease(id, body) {
      try {
        const { data } = await octokit.rest.repos.updateRelease({
          owner,
          repo,
          release_id: id,
          body,
        });
        return { id: data.id, url: data.html_url };
      } catch (error) {
        throw fail(`updating release ${id}`, error);
      }
    },
    async createRelease(tag, body, target) {
      try {
        const { data } = await octokit.rest.repos.createRelease({
          owner,
          repo,
          tag_name: tag,
          name: tag,
          body,
          ...(target ? { target_commitish: target } : {}),
        });
        return { id: data.id, url: data.html_url };
      } catch (error) {
        throw fail(`creating the release for ${tag}`, error);
      }
    },
  };
}
