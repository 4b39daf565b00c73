import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PullKit } from './pull-kit.js';
import type { RepoState } from '../../world/types.js';

describe('git refs: names, fast-forwards and races as GitHub answers them', () => {
  let kit: PullKit;
  beforeAll(async () => {
    kit = await PullKit.start();
  });
  afterAll(() => kit.close());

  const commitOn = (repo: RepoState, branch: string, file: string) =>
    kit.commit(repo, branch, { [file]: `${file}\n` });

  const failure = (status: number, message: string) => ({
    status,
    response: { data: { message } },
  });

  it('creates a ref from its full name once, then refuses with 422 "Reference already exists"', async () => {
    const repo = await kit.repo();
    const git = kit.app().rest.git;
    const main = (await repo.git.resolveRef('refs/heads/main'))!;
    const { status, data } = await git.createRef({
      owner: 'acme',
      repo: repo.name,
      ref: 'refs/heads/feature/x',
      sha: main,
    });
    expect([status, data.ref, data.object.sha]).toEqual([201, 'refs/heads/feature/x', main]);
    await expect(
      git.createRef({ owner: 'acme', repo: repo.name, ref: 'refs/heads/feature/x', sha: main }),
    ).rejects.toMatchObject(failure(422, 'Reference already exists'));
    await expect(
      git.createRef({ owner: 'acme', repo: repo.name, ref: 'heads/y', sha: main }),
    ).rejects.toMatchObject(
      failure(422, 'Reference name must contain at least three slash-separated components.'),
    );
    const push = await kit.waitFor(
      repo,
      'push',
      undefined,
      (r) => r.payload.ref === 'refs/heads/feature/x',
    );
    expect(push.payload).toMatchObject({ created: true, after: main });
    expect(kit.gh.world.violations).toEqual([]);
  });

  it('reads refs as heads/x (slashes encoded or not) and treats refs/heads/x there as missing', async () => {
    const repo = await kit.repo();
    await repo.git.createRef(
      'refs/heads/feature/x',
      (await repo.git.resolveRef('refs/heads/main'))!,
    );
    const git = kit.app().rest.git;
    expect(
      (await git.getRef({ owner: 'acme', repo: repo.name, ref: 'heads/feature/x' })).data.ref,
    ).toBe('refs/heads/feature/x');
    const raw = await kit.app().request(`GET /repos/acme/${repo.name}/git/ref/heads/feature/x`);
    expect((raw.data as { ref: string }).ref).toBe('refs/heads/feature/x');
    await expect(
      git.getRef({ owner: 'acme', repo: repo.name, ref: 'refs/heads/feature/x' }),
    ).rejects.toMatchObject({ status: 404 });
    const sha = await commitOn(repo, 'main', 'm.txt');
    await expect(
      git.updateRef({ owner: 'acme', repo: repo.name, ref: 'refs/heads/feature/x', sha }),
    ).rejects.toMatchObject(failure(422, 'Reference does not exist'));
    const matching = await git.listMatchingRefs({
      owner: 'acme',
      repo: repo.name,
      ref: 'heads/feat',
    });
    expect(matching.data.map((r) => r.ref)).toEqual(['refs/heads/feature/x']);
    expect(kit.gh.world.violations).toEqual([]);
  });

  it('refuses a non-fast-forward update with 422 unless forced, and reports the forced push', async () => {
    const repo = await kit.repo();
    const base = (await repo.git.resolveRef('refs/heads/main'))!;
    await repo.git.createRef('refs/heads/side', base);
    const sideTip = await commitOn(repo, 'side', 's.txt');
    const mainTip = await commitOn(repo, 'main', 'm.txt');
    const git = kit.app().rest.git;
    await expect(
      git.updateRef({ owner: 'acme', repo: repo.name, ref: 'heads/main', sha: sideTip }),
    ).rejects.toMatchObject(failure(422, 'Update is not a fast forward'));
    expect(await repo.git.resolveRef('refs/heads/main')).toBe(mainTip);
    const { data } = await git.updateRef({
      owner: 'acme',
      repo: repo.name,
      ref: 'heads/main',
      sha: sideTip,
      force: true,
    });
    expect(data.object.sha).toBe(sideTip);
    const push = await kit.waitFor(repo, 'push', undefined, (r) => r.payload.after === sideTip);
    expect(push.payload).toMatchObject({ ref: 'refs/heads/main', before: mainTip, forced: true });
    expect(kit.gh.world.violations).toEqual([]);
  });

  it('fails an update that loses a race instead of overwriting the other push', async () => {
    const repo = await kit.repo();
    const base = (await repo.git.resolveRef('refs/heads/main'))!;
    await repo.git.createRef('refs/heads/staging', base);
    const next = await commitOn(repo, 'staging', 'st.txt');
    let racer = '';
    kit.gh.races.add('git/update-ref', async () => {
      racer = await commitOn(repo, 'main', 'racer.txt');
    });
    await expect(
      kit
        .app()
        .rest.git.updateRef({ owner: 'acme', repo: repo.name, ref: 'heads/main', sha: next }),
    ).rejects.toMatchObject({ status: 422 });
    expect(await repo.git.resolveRef('refs/heads/main')).toBe(racer);
    expect(kit.gh.world.violations).toEqual([]);
  });

  it('deletes a ref with 204, then answers 422 "Reference does not exist"', async () => {
    const repo = await kit.repo();
    await repo.git.createRef('refs/heads/old', (await repo.git.resolveRef('refs/heads/main'))!);
    const git = kit.app().rest.git;
    expect((await git.deleteRef({ owner: 'acme', repo: repo.name, ref: 'heads/old' })).status).toBe(
      204,
    );
    await expect(
      git.deleteRef({ owner: 'acme', repo: repo.name, ref: 'heads/old' }),
    ).rejects.toMatchObject(failure(422, 'Reference does not exist'));
    const push = await kit.waitFor(
      repo,
      'push',
      undefined,
      (r) => r.payload.ref === 'refs/heads/old',
    );
    expect(push.payload.deleted).toBe(true);
    expect(kit.gh.world.violations).toEqual([]);
  });

  it('refuses to move a protected branch to a commit whose required checks have not passed', async () => {
    const repo = await kit.repo({
      protection: {
        main: { requiredStatusChecks: { strict: true, contexts: ['build'], checks: [] } },
      },
    });
    const base = (await repo.git.resolveRef('refs/heads/main'))!;
    await repo.git.createRef('refs/heads/staging', base);
    const next = await commitOn(repo, 'staging', 'st.txt');
    const update = kit
      .app()
      .rest.git.updateRef({ owner: 'acme', repo: repo.name, ref: 'heads/main', sha: next });
    await expect(update).rejects.toMatchObject(
      failure(
        422,
        'Protected branch update failed for refs/heads/main.\n\nRequired status check "build" is expected.',
      ),
    );
    expect(kit.gh.world.violations).toEqual([]);
  });
});
