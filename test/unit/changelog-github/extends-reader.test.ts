import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ChangelogGitHubKit } from './support/changelog-github-kit.js';
import { createOctokitExtendsReader } from '../../../src/changelog-github/index.js';
import { ConfigFileError, loadChangelogConfig } from '../../../action/src/load-changelog-config.js';

describe("the changelog's config follows `_extends` as the app does", () => {
  let kit: ChangelogGitHubKit;
  let workspace: string;

  beforeAll(async () => {
    kit = await ChangelogGitHubKit.start();
    await kit.gh.createRepo({
      fullName: 'acme/sluice-defaults',
      ownerType: 'Organization',
      private: true,
      files: { '.github/sluice.yml': 'changelog:\n  hidden: [docs]\n  ignore: ["^bump "]\n' },
    });
    workspace = await mkdtemp(join(tmpdir(), 'sluice-extends-'));
    await mkdir(join(workspace, '.github'));
  });
  afterAll(async () => {
    await rm(workspace, { recursive: true, force: true });
    await kit.close();
  });

  const withConfig = (text: string) => writeFile(join(workspace, '.github/sluice.yml'), text);

  it('reads the org-wide defaults through the API and lays the repository file over them', async () => {
    await withConfig('_extends: sluice-defaults\nchangelog:\n  ignore: ["^release "]\n');
    const reader = createOctokitExtendsReader(kit.repository(await kit.installationToken()));
    const config = await loadChangelogConfig(workspace, '.github/sluice.yml', reader);
    expect(config.hidden).toEqual(['docs']);
    expect(config.ignore).toEqual(['^release ']);
    kit.gh.assertClean();
  });

  it('refuses a file it cannot complete offline, saying how to give it a token', async () => {
    await withConfig('_extends: sluice-defaults\n');
    const loading = loadChangelogConfig(workspace, '.github/sluice.yml');
    await expect(loading).rejects.toBeInstanceOf(ConfigFileError);
    await expect(loading).rejects.toThrow(/_extends.*sluice-defaults[\s\S]*`token`/);
  });

  it('names the extended file when it does not exist', async () => {
    await withConfig('_extends: nowhere\n');
    const reader = createOctokitExtendsReader(kit.repository(await kit.installationToken()));
    await expect(loadChangelogConfig(workspace, '.github/sluice.yml', reader)).rejects.toThrow(
      'acme/nowhere:.github/sluice.yml, which does not exist',
    );
    kit.gh.assertClean();
  });
});
