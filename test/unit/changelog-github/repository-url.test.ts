import { describe, expect, it } from '@jest/globals';
import { githubWebUrlOfRemote } from '../../../src/changelog-github/repository-url-from-environment.js';

describe("the repository's web address from its origin remote", () => {
  it.each([
    'https://github.com/acme/widgets.git',
    'https://x-access-token:ghs_secret@github.com/acme/widgets',
    'git@github.com:acme/widgets.git',
    'github.com:acme/widgets',
    'ssh://git@github.com/acme/widgets.git',
    'git://github.com/acme/widgets.git',
  ])('reads %s, credentials left out', (remote) => {
    expect(githubWebUrlOfRemote(remote)).toBe('https://github.com/acme/widgets');
  });

  it.each([
    'https://gitlab.com/acme/widgets.git',
    'git@ghe.example.com:acme/widgets.git',
    '/srv/git/widgets.git',
    'https://github.com/acme',
  ])('has none for %s, which is not a github.com repository', (remote) => {
    expect(githubWebUrlOfRemote(remote)).toBeUndefined();
  });
});
