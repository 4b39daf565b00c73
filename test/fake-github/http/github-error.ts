/**
 * An error answer in GitHub's shape. The message text matters: Octokit copies
 * `message - documentation_url` into RequestError.message and apps match on it.
 */
export class GitHubError extends Error {
  override name = 'GitHubError';

  constructor(
    readonly status: number,
    message: string,
    readonly extra: {
      errors?: unknown[];
      documentationUrl?: string;
      headers?: Record<string, string>;
    } = {},
  ) {
    super(message);
  }

  body(): Record<string, unknown> {
    return {
      message: this.message,
      documentation_url: this.extra.documentationUrl ?? 'https://docs.github.com/rest',
      ...(this.extra.errors ? { errors: this.extra.errors } : {}),
      status: String(this.status),
    };
  }
}

export const notFound = (): GitHubError => new GitHubError(404, 'Not Found');

export const validationFailed = (
  resource: string,
  field: string,
  code = 'invalid',
  message?: string,
): GitHubError =>
  new GitHubError(422, message ?? 'Validation Failed', {
    errors: [{ resource, field, code }],
  });
