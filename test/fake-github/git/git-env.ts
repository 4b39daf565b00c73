/**
 * The environment of every git process: nothing inherited but PATH, so neither the developer's
 * config (~/.gitconfig, $XDG_CONFIG_HOME, /etc/gitconfig) nor a stray GIT_DIR from a hook can
 * change a SHA or a behaviour.
 */
export function buildGitEnv(
  homeDir: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin',
    HOME: homeDir,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_TERMINAL_PROMPT: '0',
    LC_ALL: 'C',
    // Paths from API callers are file names, never globs ("*.md" is a legal file name).
    GIT_LITERAL_PATHSPECS: '1',
    // Auto-gc after receive-pack can detach a background process that outlives a test's
    // temp dir; repos here are tiny and short-lived.
    GIT_CONFIG_COUNT: '1',
    GIT_CONFIG_KEY_0: 'gc.auto',
    GIT_CONFIG_VALUE_0: '0',
    // Only for commands that record an ident on their own (reflogs of receive-pack); every
    // commit we make sets author and committer explicitly.
    GIT_COMMITTER_NAME: 'Fake GitHub',
    GIT_COMMITTER_EMAIL: 'noreply@fake-github.invalid',
    ...extra,
  };
}
