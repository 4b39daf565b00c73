import type { World } from '../world/world.js';
import { GitHost } from '../git/index.js';
import type {
  BranchProtection,
  Label,
  RepoSettings,
  RepoState,
  Role,
  Ruleset,
} from '../world/types.js';
import { defaultLabels } from '../domain/default-labels.js';

export interface CreateRepoInput {
  /** `owner/name`; the owner account is created (as a user, or an org when `ownerType` says so). */
  fullName: string;
  ownerType?: 'User' | 'Organization';
  defaultBranch?: string;
  private?: boolean;
  /** Files of the initial commit on the default branch; none means an empty repository. */
  files?: Record<string, string>;
  collaborators?: Record<string, Role>;
  protection?: Record<string, Partial<BranchProtection>>;
  rulesets?: Omit<Ruleset, 'id'>[];
  settings?: Partial<RepoSettings>;
  /** For forks: the full name of the parent. */
  parent?: string;
  /** GitHub's nine default labels (`bug`, `wontfix`, ...); `false` for a repository with none. */
  defaultLabels?: boolean;
}

function labelsOfNewRepo(world: World, wanted: boolean): Map<string, Label> {
  const labels = wanted ? defaultLabels : [];
  return new Map(
    labels.map((label) => [label.name.toLowerCase(), { ...label, id: world.ids.next('label') }]),
  );
}

export async function createRepo(
  world: World,
  host: GitHost,
  input: CreateRepoInput,
): Promise<RepoState> {
  const [ownerLogin, name] = input.fullName.split('/');
  if (!ownerLogin || !name)
    throw new Error(`fake-github: repository names are owner/name, got ${input.fullName}`);
  // Checked before the owner account is made, so a refused name leaves nothing behind.
  if (!GitHost.isValidFullName(ownerLogin, name))
    throw new Error(`fake-github: Invalid repository name: ${input.fullName}`);
  if (world.repo(input.fullName)) throw new Error(`fake-github: ${input.fullName} exists`);
  const owner = world.account(ownerLogin, input.ownerType ?? 'User');
  const defaultBranch = input.defaultBranch ?? 'main';
  const git = await host.createRepo({ owner: ownerLogin, name, defaultBranch });
  const repo: RepoState = {
    id: world.ids.next('repo'),
    owner,
    name,
    fullName: `${owner.login}/${name}`,
    private: input.private ?? false,
    defaultBranch,
    git,
    createdAt: world.clock.now(),
    parent: input.parent ?? null,
    settings: {
      allowSquashMerge: true,
      allowMergeCommit: true,
      allowRebaseMerge: true,
      deleteBranchOnMerge: false,
      ...input.settings,
    },
    collaborators: new Map(
      Object.entries(input.collaborators ?? {}).map(([login, role]) => [login.toLowerCase(), role]),
    ),
    labels: labelsOfNewRepo(world, input.defaultLabels ?? true),
    issues: new Map(),
    comments: new Map(),
    protection: new Map(
      Object.entries(input.protection ?? {}).map(([branch, p]) => [
        branch,
        {
          requiredStatusChecks: null,
          requiredApprovingReviewCount: null,
          enforceAdmins: false,
          ...p,
        },
      ]),
    ),
    rulesets: (input.rulesets ?? []).map((r) => ({ ...r, id: world.ids.next('ruleset') })),
    checkSuites: new Map(),
    checkRuns: new Map(),
    statuses: [],
  };
  for (const login of repo.collaborators.keys()) world.account(login);
  world.repos.set(repo.fullName.toLowerCase(), repo);
  if (input.files && Object.keys(input.files).length > 0) {
    await git.commitFiles({
      branch: defaultBranch,
      files: input.files,
      message: 'Initial commit',
      author: { name: owner.login, email: owner.email },
      date: world.clock.tick(),
    });
  }
  return repo;
}
