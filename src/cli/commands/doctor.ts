import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { connectGitHub, type AppSession } from '../../doctor/connect-github.js';
import { doctorExitCode } from '../../doctor/doctor-exit-code.js';
import { openDoctorStore } from '../../doctor/open-doctor-store.js';
import { readAppCredentials } from '../../doctor/read-app-credentials.js';
import { runDoctor } from '../../doctor/run-doctor.js';
import { toDoctorJson } from '../../doctor/to-doctor-json.js';
import type { DoctorReport } from '../../doctor/types.js';
import { GitHubCallError } from '../../github/github-errors.js';
import {
  describeConnectionFailure,
  describeCredentialsProblem,
  describeInstallationsFailure,
} from '../../messages/doctor-errors.js';
import { renderDoctorText } from '../../messages/doctor-report.js';
import { describeError } from '../../store/describe-error.js';
import { StoreError } from '../../store/errors.js';
import { resolveStoreLocation } from '../../store/open-store-database.js';
import { UsageError, type CliCommand, type CliIo } from '../types.js';

const usage = `Usage: sluice doctor [--fix] [--repo OWNER/NAME] [--database URL|PATH] [--json]

Compares the store with GitHub for every repository the store or the app's installations
know: queue entries against their pull requests, labeled pull requests nobody queued,
staging records against their branches, open journal rows against what GitHub shows, and
the default branch's .github/sluice.yml. Lists each repository's flakes too.

GitHub is read as the app, with the app's environment: APP_ID, PRIVATE_KEY (or
PRIVATE_KEY_PATH), and GHE_HOST/GHE_PROTOCOL for GitHub Enterprise Server. Without
APP_ID and a key, only what the store shows is checked.

Options:
  --fix                repair what is safe to repair: end entries whose PR is closed, merged
                       or unlabeled; queue labeled PRs a lost webhook missed; abandon stuck or
                       broken staging records; delete leftover staging branches; close journal
                       rows GitHub settles. Only the store and staging branches change: doctor
                       never merges and never moves a base branch.
  --repo OWNER/NAME    check this repository only
  --database URL|PATH  postgres://... for PostgreSQL, or a SQLite file (default:
                       $DATABASE_URL, else .sluice/sluice.db). A SQLite store cannot be
                       opened while the app has it open.
  --json               print one JSON document instead of the report

Exit codes: 0 nothing wrong (with --fix: nothing left wrong), 1 errors or warnings,
2 usage, store or credentials error.`;

interface DoctorOptions {
  fix: boolean;
  repo: string | undefined;
  database: string | undefined;
  json: boolean;
}

function parseOptions(args: string[]): DoctorOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        fix: { type: 'boolean', default: false },
        repo: { type: 'string' },
        database: { type: 'string' },
        json: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    // Node's parser appends advice about positional arguments, which this command has none of.
    throw new UsageError(describeError(error).split('. ')[0] ?? 'invalid arguments');
  }
  if (values.repo !== undefined && !/^[\w.-]+\/[\w.-]+$/.test(values.repo))
    throw new UsageError(`--repo takes OWNER/NAME, not '${values.repo}'`);
  return { fix: values.fix, repo: values.repo, database: values.database, json: values.json };
}

/** The app as a session, undefined without credentials, or the reason it cannot be used. */
async function connect(
  io: CliIo,
): Promise<{ session: AppSession | undefined } | { error: string }> {
  const credentials = readAppCredentials(io.env, io.cwd);
  switch (credentials.kind) {
    case 'none':
      return { session: undefined };
    case 'invalid':
      return { error: describeCredentialsProblem(credentials.problem) };
    case 'ok': {
      const sink = { warn: (message: string) => io.stderr.write(`${message}\n`) };
      const connection = await connectGitHub(credentials.credentials, sink);
      if (connection.ok) return { session: connection.session };
      return {
        error: describeConnectionFailure({ url: credentials.credentials.baseUrl, ...connection }),
      };
    }
  }
}

async function check(io: CliIo, options: DoctorOptions): Promise<number> {
  const location = resolveStoreLocation({ database: options.database, env: io.env, cwd: io.cwd });
  const opened = await openDoctorStore(location);
  if (!opened.ok) return fail(io, opened.message);
  try {
    const github = await connect(io);
    if ('error' in github) return fail(io, github.error);
    const { session } = github;
    const repos = await runDoctor(
      {
        store: opened.store,
        inventory: opened.inventory,
        github: session,
        now: () => new Date(),
        holder: `sluice-doctor-${process.pid}-${randomUUID().slice(0, 8)}`,
      },
      { repo: options.repo, fix: options.fix },
    );
    const report: DoctorReport = {
      store: opened.description,
      github: session
        ? { kind: 'checked', url: session.url, app: session.app }
        : { kind: 'unchecked', why: 'no-credentials' },
      fix: options.fix,
      repos,
    };
    io.stdout.write(
      options.json
        ? `${JSON.stringify(toDoctorJson(report), null, 2)}\n`
        : renderDoctorText(report),
    );
    return doctorExitCode(report);
  } catch (error) {
    if (error instanceof GitHubCallError)
      return fail(io, describeInstallationsFailure(error.message));
    throw error;
  } finally {
    await opened.store.close();
  }
}

function fail(io: CliIo, message: string): number {
  io.stderr.write(`sluice doctor: ${message}\n`);
  return 2;
}

export const doctorCommand: CliCommand = {
  name: 'doctor',
  summary: 'compare the store with GitHub, and with --fix repair what is safe to',
  usage,
  async run(args, io) {
    const options = parseOptions(args);
    try {
      return await check(io, options);
    } catch (error) {
      if (!(error instanceof StoreError)) throw error;
      return fail(io, error.message);
    }
  },
};
