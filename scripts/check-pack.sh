#!/usr/bin/env bash
# The published package works on a machine that never built it: a fresh
# clone of HEAD is packed (`prepack` builds it), the tarball installed with
# `npm i -g` into a temp prefix (dependencies from the registry), and the
# installed `guild` runs a script. Needs the network; not part of `npm test`
# (test/e2e/package.test.ts checks the tarball's contents offline).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
git clone -q "$repo" "$tmp/src"
# The clone builds with the repo's dev dependencies (tsc, esbuild).
ln -s "$repo/node_modules" "$tmp/src/node_modules"
(cd "$tmp/src" && npm pack --silent --pack-destination "$tmp" >/dev/null)
tarball=$(ls "$tmp"/guild-ts-*.tgz)
if tar tzf "$tarball" | grep -q __pycache__; then echo "check-pack: the tarball ships __pycache__" >&2; exit 1; fi
npm i -g --silent --prefix "$tmp/prefix" "$tarball" >/dev/null 2>&1
mkdir "$tmp/proj"
printf 'msg = "hi"\nprint("packed", msg)\n' >"$tmp/proj/hello.py"
out=$(cd "$tmp/proj" && GUILD_HOME="$tmp/home" "$tmp/prefix/bin/guild" run hello.py msg=there -y 2>/dev/null)
if [ "$out" != "packed there" ]; then echo "check-pack: the installed guild printed: $out" >&2; exit 1; fi
echo "check-pack: ok ($(basename "$tarball"), $(tar tzf "$tarball" | wc -l) files)"
