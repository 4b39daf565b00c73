import type { Label } from '../world/types.js';

const stock: [name: string, color: string, description: string][] = [
  ['bug', 'd73a4a', "Something isn't working"],
  ['documentation', '0075ca', 'Improvements or additions to documentation'],
  ['duplicate', 'cfd3d7', 'This issue or pull request already exists'],
  ['enhancement', 'a2eeef', 'New feature or request'],
  ['good first issue', '7057ff', 'Good for newcomers'],
  ['help wanted', '008672', 'Extra attention is needed'],
  ['invalid', 'e4e669', "This doesn't seem right"],
  ['question', 'd876e3', 'Further information is requested'],
  ['wontfix', 'ffffff', 'This will not be worked on'],
];

/**
 * The labels GitHub gives every new repository, in the order their ids are handed out
 * (octokit/fixtures `labels` lists these names and colours so, each `default: true`). A
 * queue's own label lands beside them, so a test that counts labels must expect them.
 */
export const defaultLabels: readonly Omit<Label, 'id'>[] = stock.map(
  ([name, color, description]) => ({ name, color, description, default: true }),
);
