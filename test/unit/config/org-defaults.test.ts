import { describe, expect, it } from '@jest/globals';
import {
  resolveConfigText,
  type ExtendsReader,
  type ResolveConfigOptions,
  type ResolveConfigResult,
  type SluiceConfig,
} from '../../../src/config/index.js';
import { sluiceYml } from './sluice-yml.js';

const repoFile = `acme/widgets:${sluiceYml}`;
const orgFile = `acme/.github:${sluiceYml}`;

/** The owner's other repositories, `repo:path` → text, and every read made of them. */
function anOwner(files: Record<string, string> = {}): ExtendsReader & { reads: string[] } {
  const reads: string[] = [];
  return {
    owner: 'acme',
    reads,
    readFileIn(repo, path) {
      reads.push(`${repo}:${path}`);
      return Promise.resolve(files[`${repo}:${path}`]);
    },
  };
}

/** Resolves `text` as the app does for `acme/<repo>` (`undefined`: it has no file). */
function resolveFor(
  text: string | undefined,
  reader: ExtendsReader | undefined,
  overrides: Partial<ResolveConfigOptions> = {},
): Promise<ResolveConfigResult> {
  return resolveConfigText(text, {
    path: repoFile,
    configPath: sluiceYml,
    reader,
    offlineFix: 'Read it through GitHub.',
    orgDefaultsFor: 'widgets',
    ...overrides,
  });
}

function configOf(result: ResolveConfigResult): SluiceConfig {
  if (!result.ok) throw new Error(JSON.stringify(result.errors, null, 2));
  return result.config;
}

const orgDefaults = { [`.github:${sluiceYml}`]: 'queue:\n  label: ship-it\n' };

describe("the org-wide defaults in the owner's .github repository", () => {
  it('apply to a repository without a config file, and the result names that file', async () => {
    const result = await resolveFor(undefined, anOwner(orgDefaults));
    expect(configOf(result).queue.label).toBe('ship-it');
    expect(result.appliedPath).toBe(orgFile);
  });

  it('are ignored by a repository with a file of its own, without reading them', async () => {
    const owner = anOwner(orgDefaults);
    const result = await resolveFor('queue:\n  requiredApprovals: 1\n', owner);
    expect(configOf(result).queue).toMatchObject({ label: 'merge-queue', requiredApprovals: 1 });
    expect(result.appliedPath).toBe(repoFile);
    expect(owner.reads).toEqual([]);
  });

  it('are ignored by a repository whose file is empty: that means the defaults', async () => {
    const owner = anOwner(orgDefaults);
    const result = await resolveFor('# nothing to change\n', owner);
    expect(configOf(result).queue.label).toBe('merge-queue');
    expect(result.appliedPath).toBe(repoFile);
    expect(owner.reads).toEqual([]);
  });

  it('follow their own `_extends`, relative to the same owner', async () => {
    const owner = anOwner({
      [`.github:${sluiceYml}`]: '_extends: shared:sluice/base.yml\nqueue:\n  label: ship-it\n',
      'shared:sluice/base.yml': 'queue:\n  requiredApprovals: 2\n  label: base\n',
    });
    const result = await resolveFor(undefined, owner);
    expect(configOf(result).queue).toMatchObject({ label: 'ship-it', requiredApprovals: 2 });
    expect(owner.reads).toEqual([`.github:${sluiceYml}`, 'shared:sluice/base.yml']);
  });

  it('name their own file and line in their errors', async () => {
    const owner = anOwner({ [`.github:${sluiceYml}`]: 'queue:\n  onPush: rebase\n' });
    const result = await resolveFor(undefined, owner);
    expect(result).toMatchObject({
      ok: false,
      appliedPath: orgFile,
      errors: [{ path: orgFile, line: 2, column: 11, keyPath: 'queue.onPush' }],
    });
  });

  it('give way to the defaults when the owner has none either', async () => {
    const owner = anOwner();
    const result = await resolveFor(undefined, owner);
    expect(configOf(result).queue.label).toBe('merge-queue');
    expect(result.appliedPath).toBeUndefined();
    expect(owner.reads).toEqual([`.github:${sluiceYml}`]);
  });

  it('do not apply to the .github repository itself', async () => {
    const owner = anOwner(orgDefaults);
    const result = await resolveFor(undefined, owner, { orgDefaultsFor: '.github' });
    expect(configOf(result).queue.label).toBe('merge-queue');
    expect(owner.reads).toEqual([]);
  });

  it('are not looked for by a caller that does not ask (a missing file means the defaults)', async () => {
    const owner = anOwner(orgDefaults);
    const result = await resolveFor(undefined, owner, { orgDefaultsFor: undefined });
    expect(configOf(result).queue.label).toBe('merge-queue');
    expect(owner.reads).toEqual([]);
    expect((await resolveFor(undefined, undefined)).ok).toBe(true);
  });
});
