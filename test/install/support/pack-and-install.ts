import { cp, mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { operatorEnv, runCommand } from './run-command.js';

export const repoRoot = resolve(import.meta.dirname, '../../..');

/** What a working tree holds beyond its sources: dependencies, build output, local state. */
const notSources = new Set(['node_modules', '.git', 'dist', '.sluice', 'coverage', 'tmp']);

/**
 * `npm pack` of the repository, prepack script and all, in a copy of its sources: the
 * prepack rebuilds dist/, and other test files run the app from the repository's own dist/
 * while this one packs. The copy borrows the repository's node_modules (TypeScript) through
 * a link, as a clone would have it after `npm ci`.
 */
export async function packRepository(workDir: string): Promise<string> {
  const source = join(workDir, 'source');
  await cp(repoRoot, source, {
    recursive: true,
    filter: (path) => !notSources.has(relative(repoRoot, path).split(sep)[0]!),
  });
  await symlink(join(repoRoot, 'node_modules'), join(source, 'node_modules'), 'dir');
  const out = join(workDir, 'pack');
  await mkdir(out);
  await runCommand('npm', ['pack', '--pack-destination', out, '--foreground-scripts'], {
    cwd: source,
    env: operatorEnv(),
  });
  const tarballs = (await readdir(out)).filter((name) => name.endsWith('.tgz'));
  if (tarballs.length !== 1) throw new Error(`npm pack made ${tarballs.join(', ') || 'nothing'}`);
  return join(out, tarballs[0]!);
}

/** The paths in a package tarball, without npm's `package/` prefix, sorted. */
export async function tarballFiles(tarball: string, cwd: string): Promise<string[]> {
  const listing = await runCommand('tar', ['-tzf', tarball], { cwd, env: operatorEnv() });
  return listing
    .split('\n')
    .map((line) => line.replace(/^package\//, ''))
    .sort();
}

/**
 * better-sqlite3 compiles from source here (its prebuilt binaries are not reachable), which
 * takes minutes on two cores. Its installer, prebuild-install, first looks for the binary in a
 * local directory: this puts the repository's own build there, under the name it looks for,
 * so an install of the same version on the same Node takes it instead of compiling. The
 * environment returned points the installer at it.
 */
export async function reuseNativeBuild(workDir: string): Promise<{
  version: string;
  env: Record<string, string>;
}> {
  const packageDir = join(repoRoot, 'node_modules/better-sqlite3');
  const { version } = JSON.parse(await readFile(join(packageDir, 'package.json'), 'utf8')) as {
    version: string;
  };
  const dir = join(workDir, 'prebuilds');
  await mkdir(dir);
  const name = `better-sqlite3-v${version}-node-v${process.versions.modules}-${process.platform}-${process.arch}.tar.gz`;
  await runCommand(
    'tar',
    ['-czf', join(dir, name), '-C', packageDir, 'build/Release/better_sqlite3.node'],
    { cwd: workDir, env: operatorEnv() },
  );
  return { version, env: { npm_config_better_sqlite3_local_prebuilds: dir } };
}

const quietInstall = ['--prefer-offline', '--no-audit', '--no-fund', '--loglevel=http'];

/**
 * The deployment: the tarball unpacked into a directory of its own, then `npm ci --omit=dev`,
 * which installs exactly the shipped npm-shrinkwrap.json (the lockfile CI tested) without the
 * development dependencies. Tarballs come from npm's cache when it has them.
 */
export async function installApp(options: {
  tarball: string;
  dir: string;
  env: NodeJS.ProcessEnv;
}): Promise<void> {
  await mkdir(options.dir);
  await runCommand('tar', ['-xzf', options.tarball, '--strip-components=1', '-C', options.dir], {
    cwd: options.dir,
    env: options.env,
  });
  await runCommand('npm', ['ci', '--omit=dev', '--foreground-scripts', ...quietInstall], {
    cwd: options.dir,
    env: options.env,
  });
}

/**
 * The CLI as a dependency of some other project (for `sluice config check` in a repository's
 * own CI): `npm install --omit=dev <tarball>`. npm honours a package's shrinkwrap only when it
 * comes from a registry, so this install resolves the dependency ranges afresh, and a
 * better-sqlite3 newer than the repository's would compile for minutes: install scripts are
 * off here, the native module is the app install's business.
 */
export async function installAsDependency(options: {
  tarball: string;
  dir: string;
  env: NodeJS.ProcessEnv;
}): Promise<void> {
  await mkdir(options.dir);
  await writeFile(
    join(options.dir, 'package.json'),
    `${JSON.stringify({ name: 'uses-sluice', private: true }, null, 2)}\n`,
  );
  await runCommand(
    'npm',
    ['install', '--omit=dev', '--ignore-scripts', ...quietInstall, options.tarball],
    { cwd: options.dir, env: options.env },
  );
}
