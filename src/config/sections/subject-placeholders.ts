/**
 * Placeholders a merge subject template may use. The merge-subject module fills them;
 * config only refuses names it would leave unfilled.
 */
export const subjectPlaceholders = {
  title: 'the pull request title, normalised',
  number: 'the pull request number',
  type: 'the conventional-commit type of the title (`feat`), empty when the title has none',
  scope: 'the conventional-commit scope of the title (`api`), empty when it has none',
  description: 'the title without its conventional-commit prefix',
  author: 'the login of the pull request author',
  base: 'the base branch name',
} as const;

export type SubjectPlaceholder = keyof typeof subjectPlaceholders;
