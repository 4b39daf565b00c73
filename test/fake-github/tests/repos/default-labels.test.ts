import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startRepoWorld, type RepoWorld } from './support/repo-world.js';
import { openTestPull } from '../support/open-test-pull.js';

/** GitHub's stock labels: octokit/fixtures `labels` lists these names and colours in this order. */
const stock = [
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

describe('a new repository has GitHub default labels', () => {
  let world: RepoWorld;
  const where = { owner: 'acme', repo: 'widgets' };

  beforeAll(async () => {
    world = await startRepoWorld();
  });
  afterAll(() => world.gh.close());

  it('has the nine stock labels, with their colours and descriptions, marked default, ids in order', async () => {
    const answers = [];
    for (const [name] of stock)
      answers.push((await world.app.rest.issues.getLabel({ ...where, name: name! })).data);
    expect(answers.map((l) => [l.name, l.color, l.description, l.default])).toEqual(
      stock.map((label) => [...label, true]),
    );
    const ids = answers.map((l) => l.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(world.repo.labels.size).toBe(stock.length);
    expect(world.gh.world.violations).toEqual([]);
  });

  it('puts the stock label on a pull request instead of making a grey one', async () => {
    const pr = (await openTestPull(world.gh.world, world.repo)).number;
    const { data } = await world.app.rest.issues.addLabels({
      ...where,
      issue_number: pr,
      labels: ['Bug'],
    });
    expect(data.map((l) => [l.name, l.color, l.default])).toEqual([['bug', 'd73a4a', true]]);
    expect(world.repo.labels.size).toBe(stock.length);
  });

  it('marks a label the repository creates itself as not default', async () => {
    const { data } = await world.app.rest.issues.createLabel({ ...where, name: 'merge-queue' });
    expect(data.default).toBe(false);
  });

  it('refuses to create a stock label again, as it already exists', async () => {
    await expect(
      world.app.rest.issues.createLabel({ ...where, name: 'wontfix' }),
    ).rejects.toMatchObject({
      status: 422,
      response: {
        data: { errors: [{ resource: 'Label', field: 'name', code: 'already_exists' }] },
      },
    });
  });
});

describe('a repository created without default labels', () => {
  let world: RepoWorld;
  beforeAll(async () => {
    world = await startRepoWorld({ defaultLabels: false });
  });
  afterAll(() => world.gh.close());

  it('has no labels at all', async () => {
    expect(world.repo.labels.size).toBe(0);
    await expect(
      world.app.rest.issues.getLabel({ owner: 'acme', repo: 'widgets', name: 'bug' }),
    ).rejects.toMatchObject({ status: 404 });
  });
});
