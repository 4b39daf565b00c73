import { writeTime, type Codec } from './codec.js';
import type { FlakeStat } from './records.js';
import type { StoreDatabase } from './store-database.js';
import type { FlakeStats } from './types.js';

interface FlakeRow {
  repo: string;
  job: string;
  signature: string;
  count: number;
  last_seen_at: unknown;
  last_sha: string;
}

function toFlakeStat(codec: Codec, row: FlakeRow): FlakeStat {
  return {
    repo: row.repo,
    job: row.job,
    signature: row.signature,
    count: row.count,
    lastSeenAt: codec.readTime(row.last_seen_at),
    lastSha: row.last_sha,
  };
}

export function createFlakeStats({ db, codec }: StoreDatabase): FlakeStats {
  return {
    async record({ repo, job, signature, sha, now }) {
      const row = await db
        .insertInto('flake_stat')
        .values({ repo, job, signature, count: 1, last_seen_at: writeTime(now), last_sha: sha })
        .onConflict((conflict) =>
          conflict.columns(['repo', 'job', 'signature']).doUpdateSet((eb) => ({
            // One sighting per commit: every PR of a batch that lands reports its staging's
            // flakes, and a crash may report them again; the same commit counts once.
            count: eb
              .case()
              .when('flake_stat.last_sha', '=', eb.ref('excluded.last_sha'))
              .then(eb.ref('flake_stat.count'))
              .else(eb('flake_stat.count', '+', 1))
              .end(),
            last_seen_at: eb.ref('excluded.last_seen_at'),
            last_sha: eb.ref('excluded.last_sha'),
          })),
        )
        .returningAll()
        .executeTakeFirstOrThrow();
      return toFlakeStat(codec, row);
    },
    async list(repo) {
      const rows = await db
        .selectFrom('flake_stat')
        .selectAll()
        .where('repo', '=', repo)
        .orderBy('count', 'desc')
        .orderBy('last_seen_at', 'desc')
        .orderBy('job')
        .orderBy('signature')
        .execute();
      return rows.map((row) => toFlakeStat(codec, row));
    },
  };
}
