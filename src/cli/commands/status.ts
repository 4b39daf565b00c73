import { isRepoName } from '../../dashboard/github-links.js';
import type { QueueView } from '../../dashboard/queue-view.js';
import { renderQueueText } from '../../dashboard/text/render-queue-text.js';
import { createStore } from '../../store/create-store.js';
import { StoreError } from '../../store/errors.js';
import { pendingMigrations } from '../../store/migrate-store.js';
import {
  openStoreDatabase,
  resolveStoreLocation,
  type StoreLocation,
} from '../../store/open-store-database.js';
import type { Store } from '../../store/types.js';
import type { QueueKey } from '../../web/dashboard-deps.js';
import { readDashboardEnv } from '../../web/dashboard-env.js';
import { listQueues, readQueueView } from '../../web/read-queue-view.js';
import { parseFlags } from '../parse-flags.js';
import { UsageError, type CliCommand, type CliIo } from '../types.js';

const usage = `Usage: sluice status [--repo OWNER/NAME [--base BRANCH]] [--json] [--color|--no-color]
                    [--database URL|PATH]

Shows the queues as the dashboard does: the entries in the order the queue takes them, what
each waits on and when it should land, an operator's pause, and what happened last. Reads the
store alone (no GitHub request) and changes nothing, so it runs beside the app: a SQLite store
is read without the lock the running app holds. A freeze set in .github/sluice.yml
(queue.freeze) is not shown: the store does not keep the config.

Options:
  --repo OWNER/NAME    this repository's queues only (default: every queue with entries or
                       a pause)
  --base BRANCH        with --repo: this base branch's queue, shown even when empty
  --json               print the queues as a JSON array of queue views, times in ISO 8601
  --color, --no-color  colour the text or not (default: colour when the output is a terminal
                       and NO_COLOR is unset)
  --database URL|PATH  postgres://... for PostgreSQL, or a SQLite file (default:
                       $DATABASE_URL, else .sluice/sluice.db)

Links point at github.com, or at GitHub Enterprise Server with GHE_HOST and GHE_PROTOCOL
set as for the app.

Exit codes: 0 shown, 1 store error (no store, migrations pending, unreachable), 2 usage
error.`;

interface StatusOptions {
  repo: string | undefined;
  base: string | undefined;
  json: boolean;
  color: boolean | undefined;
  database: string | undefined;
}

function parseOptions(args: string[]): StatusOptions {
  const { values } = parseFlags({
    args,
    options: {
      repo: { type: 'string' },
      base: { type: 'string' },
      json: { type: 'boolean', default: false },
      color: { type: 'boolean' },
      database: { type: 'string' },
    },
    allowNegative: true,
    strict: true,
  });
  if (values.repo !== undefined && !isRepoName(values.repo))
    throw new UsageError(`--repo takes OWNER/NAME, not '${values.repo}'`);
  if (values.base !== undefined && values.repo === undefined)
    throw new UsageError('--base needs --repo: a branch name alone does not say which queue');
  if (values.base?.trim() === '') throw new UsageError('--base takes a branch name');
  return {
    repo: values.repo,
    base: values.base,
    json: values.json,
    color: values.color,
    database: values.database,
  };
}

/** Colour for a terminal that has not asked for none (https://no-color.org). */
function wantsColor(io: CliIo, option: boolean | undefined): boolean {
  if (option !== undefined) return option;
  const tty = (io.stdout as { isTTY?: boolean }).isTTY === true;
  return tty && (io.env.NO_COLOR ?? '') === '';
}

/**
 * The store to read, or why not. Pending migrations are not applied (the app or
 * `sluice migrate` does that): an older store lacks the tables this version reads.
 */
async function openReader(location: StoreLocation): Promise<Store> {
  const database = await openStoreDatabase(location, { readOnly: true });
  try {
    const pending = await pendingMigrations(database);
    if (pending.length > 0) {
      const names = pending.join(', ');
      const count = pending.length === 1 ? '1 migration' : `${pending.length} migrations`;
      throw new StoreError(
        `${database.description} has ${count} pending (${names}): start the new version of ` +
          'the app first (it migrates at start-up), or run `sluice migrate`. ' +
          'Status does not change the schema.',
      );
    }
  } catch (error) {
    await database.close();
    throw error;
  }
  return createStore(database);
}

/** The queues asked for, in repository and branch order. */
async function chooseQueues(store: Store, options: StatusOptions): Promise<QueueKey[]> {
  const all = (await listQueues(store)).map(({ repo, base }) => ({ repo, base }));
  if (options.repo === undefined) return all;
  const repo = options.repo.toLowerCase();
  const ofRepo = all.filter((queue) => queue.repo.toLowerCase() === repo);
  if (options.base === undefined) return ofRepo;
  // The store's spelling of the repository, when it knows it: GitHub's names ignore case.
  return [{ repo: ofRepo[0]?.repo ?? options.repo, base: options.base }];
}

async function show(io: CliIo, options: StatusOptions): Promise<number> {
  const location = resolveStoreLocation({ database: options.database, env: io.env, cwd: io.cwd });
  const store = await openReader(location);
  try {
    const now = new Date();
    const { webUrl } = readDashboardEnv({
      GHE_HOST: io.env.GHE_HOST,
      GHE_PROTOCOL: io.env.GHE_PROTOCOL,
    }).github;
    const queues = await chooseQueues(store, options);
    const views: QueueView[] = [];
    for (const queue of queues)
      views.push(await readQueueView(store, queue, { now, configFreeze: null, serverUrl: webUrl }));
    if (options.json) {
      io.stdout.write(`${JSON.stringify(views, null, 2)}\n`);
    } else if (views.length === 0) {
      // The label is the config's default (queue.label); the store does not know the config.
      const which = options.repo === undefined ? 'No queue' : `No queue of ${options.repo}`;
      io.stdout.write(`${which} has entries. Label a pull request \`merge-queue\` to queue it.\n`);
    } else {
      const color = wantsColor(io, options.color);
      io.stdout.write(views.map((view) => renderQueueText(view, { color, now })).join('\n'));
    }
    return 0;
  } finally {
    await store.close();
  }
}

export const statusCommand: CliCommand = {
  name: 'status',
  summary: 'show the queues in the terminal, read-only, while the app runs',
  usage,
  async run(args, io) {
    const options = parseOptions(args);
    try {
      return await show(io, options);
    } catch (error) {
      if (!(error instanceof StoreError)) throw error;
      io.stderr.write(`sluice status: ${error.message}\n`);
      return 1;
    }
  },
};
