import { GitHubError } from '../../http/github-error.js';

/** GitHub's 422 for a PR it refuses to create or change, with the reason in `errors[].message`. */
export function pullValidationError(message: string): GitHubError {
  return new GitHubError(422, 'Validation Failed', {
    errors: [{ resource: 'PullRequest', code: 'custom', message }],
  });
}

export function invalidPullField(field: 'base' | 'head' | 'state'): GitHubError {
  return new GitHubError(422, 'Validation Failed', {
    errors: [{ resource: 'PullRequest', field, code: 'invalid' }],
  });
}
