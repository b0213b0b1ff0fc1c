#!/usr/bin/env bash
# The seed flow on the bundled example project, with a store of its own:
# stage three trials, list them, drain them with a queue, list again.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
guild="$root/bin/guild.js"
export GUILD_HOME="$root/.guild-example"
rm -rf "$GUILD_HOME"
cd "$root/examples/say"

step() { printf '\n$ guild %s\n' "$*"; "$guild" "$@"; }

step run say.py 'msg=[a,b,c]' --stage-trials -y
step runs
step run queue run-once=yes -y
step runs
printf '\nRuns are stored in %s\n' "$GUILD_HOME"
