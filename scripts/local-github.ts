/**
 * `npm run local-github`: the local GitHub stand-in on its own, for driving by hand or from
 * another process through its HTTP control plane (docs/local-github.md). Stays up until
 * Ctrl-C.
 *
 *   --seed                 an org, a repository and people with tokens, to start from
 *   --repo OWNER/NAME      the seeded repository (default acme/widgets)
 *   --users a,b            the seeded people, all with write access (default alice,bob)
 *   --app-webhook-url URL  also register Sluice's app (app.yml permissions and events) and
 *                          install it on the seeded org, webhooks to URL; prints its env
 *   --data-dir DIR         keep the bare repositories in DIR (default: a temp dir, removed)
 *   --lenient              let off-spec answers through instead of turning them into 500s
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { load } from 'js-yaml';
import { FakeGitHub } from '../test/fake-github/fake-github.js';
import type { Permissions } from '../test/fake-github/world/types.js';

const { values: flags } = parseArgs({
  options: {
    seed: { type: 'boolean', default: false },
    repo: { type: 'string', default: 'acme/widgets' },
    users: { type: 'string', default: 'alice,bob' },
    'app-webhook-url': { type: 'string' },
    'data-dir': { type: 'string' },
    lenient: { type: 'boolean', default: false },
  },
});
const say = (line = '') => void process.stdout.write(`${line}\n`);

const gh = await FakeGitHub.start({
  strict: !flags.lenient,
  ...(flags['data-dir'] ? { dataDir: resolve(flags['data-dir']) } : {}),
});
const control = `${gh.url}/_control`;

say(`local GitHub   ${gh.url}   (git: ${gh.url}/<owner>/<repo>.git)`);
say(`REST API       ${gh.apiUrl}`);
say(`control plane  ${control}   (GET it for the command list; docs/local-github.md)`);
say(`repositories   ${gh.git.dataDir}`);

if (flags.seed || flags['app-webhook-url']) await seed();

say();
say('try:');
say(`  curl -s ${control}/create-user -d '{"login":"carol"}'`);
say(`  curl -s ${control}/get-deliveries -d '{}'`);
say();
say('Ctrl-C stops it.');

async function seed(): Promise<void> {
  const [owner] = flags.repo.split('/');
  const people = flags.users.split(',').filter(Boolean);
  await gh.createRepo({
    fullName: flags.repo,
    ownerType: 'Organization',
    files: { 'README.md': '# widgets\n', 'src/a.ts': 'export const a = 1;\n' },
    collaborators: Object.fromEntries(people.map((login) => [login, 'write' as const])),
  });
  say();
  say(`seeded         ${flags.repo} (org ${owner}), main with README.md and src/a.ts`);
  for (const login of people) {
    const { token } = gh.createUser(login);
    say(`  ${login.padEnd(12)} token ${token}   git clone ${cloneUrl(token)}`);
  }
  const webhookUrl = flags['app-webhook-url'];
  if (webhookUrl) await installSluice(owner!, webhookUrl);
}

function cloneUrl(token: string): string {
  const { host } = new URL(gh.url);
  return `http://x-access-token:${token}@${host}/${flags.repo}.git`;
}

async function installSluice(account: string, webhookUrl: string): Promise<void> {
  const manifest = load(await readFile(resolve(import.meta.dirname, '../app.yml'), 'utf8')) as {
    default_permissions: Permissions;
    default_events: string[];
  };
  const registered = gh.registerApp({
    slug: 'sluice',
    permissions: manifest.default_permissions,
    events: manifest.default_events,
  });
  const installation = gh.install(registered.app, { account, webhookUrl });
  // A key file rather than a multi-line PEM in the terminal: Probot reads PRIVATE_KEY_PATH.
  const keyFile = join(gh.git.dataDir, 'sluice.private-key.pem');
  await writeFile(keyFile, registered.privateKey, { mode: 0o600 });
  const { PRIVATE_KEY: _key, ...env } = gh.envFor(registered);
  say();
  say(
    `app            sluice (id ${registered.app.id}), installation ${installation.id} on ${account}`,
  );
  say(`               webhooks to ${webhookUrl}; start the app with:`);
  for (const [name, value] of Object.entries({ ...env, PRIVATE_KEY_PATH: keyFile }))
    say(`  ${name}=${value}`);
}

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  say('\nstopping the local GitHub');
  await gh.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
