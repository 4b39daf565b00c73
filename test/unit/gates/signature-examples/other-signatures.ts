/** Policy, runner, conflict and network signatures: `[line, expected id]`. */
export const otherExamples: ReadonlyArray<readonly [string, string]> = [
  ['FAIL Required test coverage of 90% not reached. Total coverage: 86.55%', 'coverage/threshold'],
  ['Jest: "global" coverage threshold for lines (80%) not met: 75%', 'coverage/threshold'],
  ['  Package size limit has exceeded by 2.9 kB', 'size-budget/exceeded'],
  [
    'Error: No existing credentials found. Please run `vercel login` or pass "--token"',
    'credentials/missing',
  ],
  [
    'GraphQL: Auto merge is not allowed for this repository (enablePullRequestAutoMerge)',
    'repository-policy/graphql',
  ],
  [
    'Error: No release type found in pull request title "update stuff".',
    'repository-policy/pull-request-rules',
  ],
  ['⧗   input: update stuff', 'repository-policy/commitlint'],
  [
    '##[error]Codecov: Failed to properly upload report: The process failed with exit code 1',
    'repository-policy/codecov',
  ],
  ['error[vulnerability]: Use of a vulnerable version of time', 'dependency-policy/cargo-deny'],
  ['Found incompatible license: GPL-3.0 in left-pad@1.0.0', 'dependency-policy/license'],
  ['Oops! Something went wrong! :(', 'tool-crash/eslint'],
  ['The operation was canceled.', 'runner/aborted'],
  ["The action 'Run tests' has timed out after 30 minutes.", 'runner/step-timeout'],
  ['Process completed with exit code 137.', 'runner/exit-137'],
  ['Killed', 'memory/killed'],
  [
    '/home/runner/work/_temp/1c2f.sh: line 1:  2231 Killed                  npx jest',
    'memory/killed',
  ],
  [
    "  process didn't exit successfully: `rustc --crate-name a` (signal: 9, SIGKILL: kill)",
    'memory/sigkill',
  ],
  [
    'FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory',
    'memory/out-of-memory',
  ],
  ['Exception in thread "main" java.lang.OutOfMemoryError: Java heap space', 'memory/jvm-heap'],
  ['OSError: [Errno 28] No space left on device', 'disk/full'],
  [
    'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?',
    'docker/daemon',
  ],
  ['CONFLICT (content): Merge conflict in src/queue.ts', 'git/conflict'],
  ['KONFLIKT (Inhalt): Merge-Konflikt in package-lock.json', 'git/conflict'],
  ['CONFLICTO (contenido): Conflicto de fusión en Cargo.lock', 'git/conflict'],
  ['Automatic merge failed; fix conflicts and then commit the result.', 'git/merge-failed'],
  ['error: could not apply 3f1c2ab... feat(queue): batch staging commits', 'git/could-not-apply'],
  ['Patch failed at 0001 feat(queue): batch staging commits', 'git/patch-failed'],
  [
    'X Pull request #12 is not mergeable: the merge commit cannot be cleanly created.',
    'git/not-mergeable',
  ],
  ['hint: Resolve all conflicts manually, mark them as resolved with', 'git/resolve-hint'],
  ['npm error code ECONNRESET', 'network/errno'],
  [
    'go: github.com/x@v1: dial tcp: lookup proxy.golang.org on 127.0.0.53:53: no such host',
    'network/dns',
  ],
  ['npm error network timeout at: https://registry.npmjs.org/typescript', 'network/timeout'],
  [
    "fatal: unable to access 'https://github.com/a/b/': Failed to connect to github.com port 443",
    'network/connection',
  ],
  [
    'npm error 429 Too Many Requests - GET https://registry.npmjs.org/typescript',
    'network/http-status',
  ],
  [
    ' ERR_PNPM_META_FETCH_FAIL  GET https://registry.npmjs.org/esbuild: request failed',
    'package-registry/pnpm-fetch',
  ],
  [
    'npm ERR! network This is a problem related to network connectivity.',
    'package-registry/npm-network',
  ],
  [
    'error NU1301: Unable to load the service index for source https://api.nuget.org/v3/index.json.',
    'msbuild/nuget-feed',
  ],
  [
    '  Unable to load the service index for source https://pkgs.dev.azure.com/a/_packaging/b/nuget/v3/index.json.',
    'package-registry/nuget-feed',
  ],
  [
    "WARNING: Retrying (Retry(total=4, connect=None, read=None)) after connection broken by 'ProtocolError'",
    'package-registry/retrying',
  ],
  ['error: 2 vulnerabilities found!', 'dependency-policy/cargo-audit'],
  ['FAIL ./dist/main.js: 12.1KB > 10KB (gzip)', 'size-budget/exceeded'],
  ['- files were modified by this hook', 'pre-commit/modified'],
  [
    'ERROR: HTTP error 503 while getting https://files.pythonhosted.org/packages/x.whl',
    'network/http-status',
  ],
  [
    "  [7] Couldn't connect to server (Failed to connect to index.crates.io port 443)",
    'network/connection',
  ],
  ['fatal: the remote end hung up unexpectedly', 'network/connection'],
];
