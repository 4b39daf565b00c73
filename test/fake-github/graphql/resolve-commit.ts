import type { CommitInfo, Signature } from '../git/index.js';
import type { Account, RepoState } from '../world/types.js';
import type { World } from '../world/world.js';
import { iso } from '../render/basics.js';
import { displayMessage } from '../render/commit.js';
import { toConnection, type ConnectionArgs } from './connection.js';
import { field, type ResolverTable } from './field-resolver.js';

export interface CommitSource {
  repo: RepoState;
  sha: string;
  /** Read from git on first use: many queries only want the oid. */
  info?: Promise<CommitInfo | undefined>;
}

/** `author`-like fields answer the `Actor` interface; the runtime type picks `User` or `Bot`. */
export interface ActorSource {
  __typename: 'User' | 'Bot' | 'Organization';
  account: Account;
}

interface GitActorSource {
  signature: { name: string; email: string; date?: Date };
}

export function actorOf(account: Account): ActorSource {
  return { __typename: account.type, account };
}

async function infoOf(source: CommitSource): Promise<CommitInfo> {
  source.info ??= source.repo.git.readCommit(source.sha);
  const info = await source.info;
  if (!info)
    throw new Error(`fake-github: commit ${source.sha} is missing from ${source.repo.fullName}`);
  return info;
}

/**
 * The git author first, then everyone named in a `Co-authored-by:` trailer, as GitHub's
 * `Commit.authors` lists them (one entry per email).
 */
function authorsOf(info: CommitInfo): GitActorSource[] {
  const people = [{ name: info.author.name, email: info.author.email, date: info.author.date }];
  for (const match of info.message.matchAll(
    /^co-authored-by:[ \t]*(.*?)[ \t]*<([^>\n]+)>[ \t]*$/gim,
  ))
    people.push({ name: match[1] ?? '', email: match[2] ?? '', date: info.author.date });
  const seen = new Set<string>();
  return people.flatMap((person) => {
    const key = person.email.toLowerCase();
    if (seen.has(key)) return [];
    seen.add(key);
    return [{ signature: person }];
  });
}

/** `GitActor.user`: the person whose email it is; a bot is no `User`, so it has none. */
function userByEmail(world: World, email: string): ActorSource | null {
  const account = [...world.accounts.values()].find(
    (a) => a.type === 'User' && a.email.toLowerCase() === email.toLowerCase(),
  );
  return account ? actorOf(account) : null;
}

const gitActor = (signature: Signature): GitActorSource => ({ signature });

export const commitResolvers: ResolverTable = {
  'Commit.oid': field<CommitSource>(({ sha }) => sha),
  'Commit.message': field<CommitSource>(async (s) => displayMessage((await infoOf(s)).message)),
  'Commit.messageHeadline': field<CommitSource>(
    async (s) => displayMessage((await infoOf(s)).message).split('\n')[0],
  ),
  'Commit.tree': field<CommitSource>(async (s) => ({ oid: (await infoOf(s)).tree })),
  'Commit.parents': field<CommitSource, ConnectionArgs>(async (s, args) => {
    const { parents } = await infoOf(s);
    const nodes = parents.map((sha): CommitSource => ({ repo: s.repo, sha }));
    return toConnection('parents', nodes, args);
  }),
  'Commit.author': field<CommitSource>(async (s) => gitActor((await infoOf(s)).author)),
  'Commit.committer': field<CommitSource>(async (s) => gitActor((await infoOf(s)).committer)),
  'Commit.authors': field<CommitSource, ConnectionArgs>(async (s, args) =>
    toConnection('authors', authorsOf(await infoOf(s)), args),
  ),
  'Tree.oid': field<{ oid: string }>(({ oid }) => oid),
  'GitActor.name': field<GitActorSource>(({ signature }) => signature.name),
  'GitActor.email': field<GitActorSource>(({ signature }) => signature.email),
  'GitActor.date': field<GitActorSource>(({ signature }) =>
    signature.date ? iso(signature.date) : null,
  ),
  'GitActor.user': field<GitActorSource>(({ signature }, _, ctx) =>
    userByEmail(ctx.world, signature.email),
  ),
  'User.login': field<ActorSource>(({ account }) => account.login),
  'User.name': field<ActorSource>(({ account }) => account.name),
  // GraphQL names an app's bot without the `[bot]` REST shows (`renovate`, not `renovate[bot]`).
  'Bot.login': field<ActorSource>(({ account }) => account.login.replace(/\[bot\]$/, '')),
  'Organization.login': field<ActorSource>(({ account }) => account.login),
};
