import type { CredentialsProblem } from '../doctor/types.js';
import { plural } from './doctor-format.js';

/** Why `sluice doctor` could not run at all (exit code 2), each with what to do about it. */

export function describeCredentialsProblem(problem: CredentialsProblem): string {
  switch (problem.kind) {
    case 'key-without-app-id':
      return 'PRIVATE_KEY (or PRIVATE_KEY_PATH) is set but APP_ID is not: set both, as for the app, or neither to check the store alone.';
    case 'app-id-without-key':
      return 'APP_ID is set but neither PRIVATE_KEY nor PRIVATE_KEY_PATH is: set the private key, as for the app, or unset APP_ID to check the store alone.';
    case 'bad-app-id':
      return `APP_ID must be the app's number (its settings page shows it), not '${problem.value}'.`;
    case 'bad-key':
      return 'PRIVATE_KEY is not a PEM private key: copy the whole .pem file GitHub gave you, BEGIN and END lines included.';
    case 'key-file-unreadable':
      return `PRIVATE_KEY_PATH names ${problem.path}, which cannot be read.`;
    case 'key-file-not-pem':
      return `PRIVATE_KEY_PATH names ${problem.path}, which is not a PEM private key.`;
  }
}

export function describeConnectionFailure(failure: {
  url: string;
  status: number | undefined;
  message: string;
}): string {
  const answer =
    failure.status === undefined ? failure.message : `${failure.status} ${failure.message}`;
  if (failure.status === 401)
    return `GitHub at ${failure.url} refused the app's credentials (${answer}): check APP_ID and the private key.`;
  return `Could not authenticate as the app at ${failure.url} (${answer}): check GHE_HOST and GHE_PROTOCOL, and that GitHub is reachable.`;
}

export function describeInstallationsFailure(message: string): string {
  return `Could not list the app's installations: ${message}`;
}

export function describeMissingStore(path: string): string {
  return `No SQLite store at ${path}: point --database (or DATABASE_URL) at the app's store.`;
}

export function describePendingMigrations(store: string, names: string[]): string {
  return `${store} has ${plural(names.length, 'migration')} pending (${names.join(', ')}): run \`sluice migrate\` first; doctor does not change the schema.`;
}
