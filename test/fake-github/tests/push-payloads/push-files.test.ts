import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PullKit } from '../pulls/pull-kit.js';
import { createGitClient, type GitClient } from '../harness/support/git-client.js';
import type { RepoState } from '../../world/types.js';
import { changedPaths } from '../../git/changed-paths.js';
import type { Received } from '../pulls/webhook-inbox.js';

interface PushCommit {
  id: string;
  added: string[];
  removed: string[];
  modified: string[];
}
interface PushBody {
  commits: PushCommit[];
  head_commit: PushCommit | null;
}

let kit: PullKit;
let git: GitClient;
beforeAll(async () => {
  kit = await PullKit.start();
  git = await createGitClient();
});
afterAll(async () => {
  await git.close();
  await kit.close();
});

const files = ({ id, added, removed, modified }: PushCommit) => ({ id, added, removed, modified });
const bodyOf = (received: Received) => received.payload as unknown as PushBody;

/** A commit on `branch` straight into git (no push reported yet). */
async function commit(repo: RepoState, branch: string, changes: Record<string, string | null>) {
  const author = { name: 'bob', email: kit.gh.world.account('bob').email };
  const date = kit.gh.world.clock.tick();
  const message = `change ${Object.keys(changes).join(', ')}`;
  return (await repo.git.commitFiles({ branch, files: changes, message, author, date })).sha;
}

async function reportPush(repo: RepoState, ref: string, before: string, after: string) {
  await kit.gh.refs.refsChanged({
    repo,
    changes: [{ ref, before, after }],
    pusher: kit.gh.world.account('bob'),
  });
  return bodyOf(await kit.waitFor(repo, 'push', undefined, (r) => r.payload.after === after));
}

describe('push webhooks list the files each commit added, removed and modified', () => {
  it('lists every pushed commit against its parent, and the head commit the same way', async () => {
    const repo = await kit.repo();
    const before = (await repo.git.resolveRef('refs/heads/main'))!;
    const first = await commit(repo, 'main', { 'docs/guide.md': 'guide\n', 'README.md': 'hi\n' });
    const second = await commit(repo, 'main', { 'src/a.ts': null, 'docs/guide.md': 'more\n' });
    const push = await reportPush(repo, 'refs/heads/main', before, second);
    expect(push.commits.map(files)).toEqual([
      { id: first, added: ['docs/guide.md'], removed: [], modified: ['README.md'] },
      { id: second, added: [], removed: ['src/a.ts'], modified: ['docs/guide.md'] },
    ]);
    expect(files(push.head_commit!)).toEqual(files(push.commits[1]!));
    kit.gh.assertClean();
  });

  it('shows a rename as the old path removed and the new one added', async () => {
    const repo = await kit.repo();
    const before = (await repo.git.resolveRef('refs/heads/main'))!;
    const moved = await commit(repo, 'main', {
      'src/a.ts': null,
      'src/b.ts': 'export const a = 1;\n',
    });
    const push = await reportPush(repo, 'refs/heads/main', before, moved);
    expect(files(push.head_commit!)).toEqual({
      id: moved,
      added: ['src/b.ts'],
      removed: ['src/a.ts'],
      modified: [],
    });
  });

  it('lists no commits for a branch created at an existing commit, but names its head with its files', async () => {
    const repo = await kit.repo();
    const tip = (await repo.git.resolveRef('refs/heads/main'))!;
    await repo.git.createRef('refs/heads/copy', tip);
    const push = await reportPush(repo, 'refs/heads/copy', '0'.repeat(40), tip);
    expect(push.commits).toEqual([]);
    expect(files(push.head_commit!)).toEqual({
      id: tip,
      added: ['README.md', 'src/a.ts'],
      removed: [],
      modified: [],
    });
  });

  it('fills the lists for a REST ref update and for a git push over smart HTTP', async () => {
    const repo = await kit.repo();
    const app = kit.app();
    const owner = 'acme';
    const name = repo.name;
    const main = (await repo.git.resolveRef('refs/heads/main'))!;
    const tree = await app.rest.git.createTree({
      owner,
      repo: name,
      base_tree: main,
      tree: [{ path: 'src/new.ts', mode: '100644', type: 'blob', content: 'new\n' }],
    });
    const made = await app.rest.git.createCommit({
      owner,
      repo: name,
      message: 'add new',
      tree: tree.data.sha,
      parents: [main],
    });
    await app.rest.git.updateRef({ owner, repo: name, ref: 'heads/main', sha: made.data.sha });
    const rest = bodyOf(
      await kit.waitFor(repo, 'push', undefined, (r) => r.payload.after === made.data.sha),
    );
    expect(rest.commits.map(files)).toEqual([
      { id: made.data.sha, added: ['src/new.ts'], removed: [], modified: [] },
    ]);

    const work = await git.clone({
      baseUrl: kit.gh.url,
      repo: repo.fullName,
      token: kit.gh.createUser('bob').token,
    });
    const pushed = await git.pushBranch({ work, branch: 'feature', files: { 'README.md': 'x\n' } });
    const overHttp = bodyOf(
      await kit.waitFor(repo, 'push', undefined, (r) => r.payload.after === pushed),
    );
    expect(overHttp.commits.map(files)).toEqual([
      { id: pushed, added: [], removed: [], modified: ['README.md'] },
    ]);
    kit.gh.assertClean();
  });

  it('reports at most 3000 changed files of one commit, as GitHub does', async () => {
    const repo = await kit.repo();
    // One blob under 3001 names, made with plumbing: a file per process would take minutes.
    const blob = await repo.git.writeBlob('same\n');
    const listing = Array.from(
      { length: 3001 },
      (_, i) => `100644 blob ${blob}\tf${String(i).padStart(4, '0')}.txt`,
    ).join('\n');
    const tree = (await repo.git.git(['mktree'], { input: `${listing}\n` })).stdout
      .toString('utf8')
      .trim();
    const bob = { name: 'bob', email: 'bob@example.com', date: kit.gh.world.clock.now() };
    const sha = await repo.git.createCommit({
      tree,
      parents: [],
      message: 'many',
      author: bob,
      committer: bob,
    });
    const paths = await changedPaths(repo.git.git, { sha, parents: [] });
    expect(paths.added).toHaveLength(3000);
    expect(paths.added.slice(0, 2)).toEqual(['f0000.txt', 'f0001.txt']);
  });
});
