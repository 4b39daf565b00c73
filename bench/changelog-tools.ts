/**
 * git-cliff and conventional-changelog, installed from npm into bench/.tools (ignored by
 * git) the first time the benchmark runs: never into the project's own dependencies.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const PACKAGES = [
  'git-cliff@2.14.2',
  'conventional-changelog-cli@5.0.0',
  'conventional-changelog-conventionalcommits@9.3.1',
];

export interface Tools {
  /** The native git-cliff binary, not its Node wrapper, so git-cliff pays no Node start-up. */
  gitCliff: string;
  /** `npx git-cliff`: the npm package's entry point, a Node wrapper around the binary. */
  gitCliffNpm: string;
  conventionalChangelog: string;
}

export function installTools(benchDir: string): Tools {
  const prefix = join(benchDir, '.tools');
  const tools: Tools = {
    gitCliff: join(prefix, 'node_modules/git-cliff-linux-x64/bin/git-cliff'),
    gitCliffNpm: join(prefix, 'node_modules/.bin/git-cliff'),
    conventionalChangelog: join(prefix, 'node_modules/.bin/conventional-changelog'),
  };
  if (!existsSync(tools.gitCliff) || !existsSync(tools.conventionalChangelog)) {
    console.error(`installing ${PACKAGES.join(', ')} into ${prefix}`);
    execFileSync(
      'npm',
      ['install', '--prefix', prefix, '--no-save', '--no-audit', '--no-fund', ...PACKAGES],
      {
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
  }
  return tools;
}
