import type { ToolSpec } from '../types.js';
import { phraseSignature } from './phrase-signature.js';

/**
 * Gates that are policy or configuration, not code: they fail closed as `unknown`, and
 * they must win over the command hint of the step they run in (a coverage threshold in a
 * `pytest` step is not a test failure). Listed first so they win ties on a line.
 */
export const policyTools: readonly ToolSpec[] = [
  {
    id: 'coverage',
    class: 'unknown',
    signatures: [
      {
        id: 'threshold',
        anchor: ['Required test coverage', 'coverage threshold for', 'does not meet', 'fail-under'],
        pattern:
          /Required test coverage of [\d.]+% not reached|coverage threshold for \w+ \([\d.]+%\) not met|Coverage for \w+ \([\d.]+%\) does not meet|total of [\d.]+ is less than fail-under/,
      },
    ],
  },
  {
    id: 'size-budget',
    class: 'unknown',
    signatures: [
      {
        id: 'exceeded',
        anchor: ['limit has exceeded', '> maxSize', 'B > '],
        pattern:
          /(?:Package size|Total time|Loading time|Running time) limit has exceeded|> maxSize|^FAIL \S+: [\d.]+ ?[KMG]?B > [\d.]+ ?[KMG]?B/,
      },
    ],
  },
  {
    id: 'credentials',
    class: 'unknown',
    signatures: [
      phraseSignature('missing', [
        'No existing credentials found',
        'Input required and not supplied',
        'Bad credentials',
        'Resource not accessible by integration',
        'Permission denied (publickey)',
        'could not read Username for',
        'Unable to locate credentials',
        'Could not load credentials from any providers',
        'Token required because branch is protected',
        'ENEEDAUTH',
        'Must have admin rights',
        'Authentication failed for',
        'Requires authentication',
        'No valid credential sources found',
        'Az CLI Login failed',
        'is not authorized to perform',
        'without `workflows` permission',
        'remote: Permission to',
      ]),
    ],
  },
  {
    id: 'repository-policy',
    class: 'unknown',
    signatures: [
      {
        id: 'graphql',
        anchor: 'GraphQL: ',
        pattern: /^GraphQL: (?!.*rate limit)/,
      },
      phraseSignature('pull-request-rules', [
        'No release type found in pull request title',
        'Missing changelog entry',
        'No changelog entry',
        'Failing the build, there',
        'Performance alert!',
        'Unknown release type',
        "didn't match the configured pattern",
        'No new newsfragments found',
      ]),
      { id: 'commitlint', anchor: 'input:', pattern: /^⧗\s+input:/ },
      phraseSignature('codecov', ['Codecov: Failed to properly upload']),
    ],
  },
  {
    id: 'dependency-policy',
    class: 'unknown',
    signatures: [
      {
        id: 'cargo-deny',
        anchor: 'error[',
        pattern:
          /^error\[(?:vulnerability|unsound|unmaintained|yanked|banned|rejected|unlicensed|duplicate|source-not-allowed|license-not-encountered)\]/,
      },
      phraseSignature('license', ['incompatible license', 'license is not allowed']),
      { id: 'cargo-audit', anchor: 'found!', pattern: /^error: \d+ vulnerabilit(?:y|ies) found!/ },
    ],
  },
  {
    id: 'tool-crash',
    class: 'unknown',
    signatures: [phraseSignature('eslint', ['Oops! Something went wrong! :('])],
  },
];
