/**
 * Item 4 of issue 10: a store that cannot be written (read-only, full, not
 * ours) gives `guild: cannot <verb> <what>: <reason>` and exit 1 in every
 * command that writes, never a stack, and leaves the store as it was.
 *
 * Faults are made in a mount namespace of our own (`unshare --mount`), so no
 * mount outlives the test: a read-only bind mount of the Guild home, a tiny
 * tmpfs. EACCES runs guild as `nobody`. Where that is not allowed (not root)
 * the tests are skipped, and say why.
 */
import { beforeEach, describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync } from "node:fs";
import { GUILD_BIN, guild, guildEnv, type GuildEnv } from "../helpers/guild-cli.js";
import type { TempProject } from "../helpers/temp-project.js";
import { stageRun, useFaultProject } from "../helpers/fault-project.js";

const project = useFaultProject("fixtures/projects/crash");
let p: TempProject;
let g: GuildEnv;
beforeEach(() => ({ p, g } = project));

const LIMIT = { timeout: 180_000 };
const isRoot = process.getuid?.() === 0;
const canUnshare = isRoot && spawnSync("unshare", ["--mount", "true"]).status === 0;

/** Runs `sh -c script` in a mount namespace of its own, `g` as guild; stdout + stderr. */
function inNamespace(script: string, env: Record<string, string> = {}): string {
  env = { STAGED: staged, ...env };
  const res = spawnSync("unshare", ["--mount", "--propagation", "private", "sh", "-c", `g() { "$NODE" "$BIN" "$@"; }\n${script}`], {
    cwd: p.cwd,
    env: { ...guildEnv(g), NODE: process.execPath, BIN: GUILD_BIN, ...env },
    encoding: "utf8",
  });
  return `${res.stdout}${res.stderr}`;
}

/** Each command's output and exit, as `== <args>\n<output><exit N>`. */
function transcript(commands: string[]): string {
  return commands.map((c) => `echo "== ${c}"; g ${c} 2>&1; echo "<exit $?>"`).join("\n");
}

function sections(out: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const part of out.split(/^== /m).slice(1)) {
    const nl = part.indexOf("\n");
    map.set(part.slice(0, nl), part.slice(nl + 1));
  }
  return map;
}

const WRITERS = [
  "run work.py -y",
  "run work.py --stage -y",
  "run queue run-once=yes -y",
  "run --start $STAGED -y",
  "label -s new -y 1",
  "mark -y 1",
  "runs rm -y 1",
  "runs rm -p -y 1",
  "runs purge -y",
  "runs restore -y",
];

let staged = "";

async function storeWithRuns(): Promise<string> {
  staged = "";
  for (const args of [["work.py"], ["work.py", "--stage"], ["work.py", "n=9", "--stage"]]) {
    const res = await guild(["run", ...args, "-y"], g);
    assert.equal(res.exitCode, 0, res.stderr);
    staged ||= /staged as ([0-9a-f]{32})/.exec(res.stdout)?.[1] ?? "";
  }
  // One run in the trash for purge and restore.
  assert.equal((await guild(["runs", "rm", "-y", "1"], g)).exitCode, 0);
  return (await guild(["runs", "--all"], g)).stdout + (await guild(["runs", "--deleted"], g)).stdout;
}

function assertClean(out: string, reason: string): void {
  const got = sections(out);
  assert.equal(got.size, WRITERS.length, out);
  for (const [command, text] of got) {
    assert.match(text, new RegExp(`^guild: cannot [^\\n]+: ${reason}\\n<exit 1>\\n$`), `${command}:\n${text}`);
  }
}

describe("write errors never show a stack", () => {
  test("read-only home (bind mount): every command that writes says so, exits 1, store unchanged", { ...LIMIT, skip: canUnshare ? false : "needs root and unshare --mount" }, async () => {
    const before = await storeWithRuns();
    const out = inNamespace(`mount --bind "$GUILD_HOME" "$GUILD_HOME" && mount -o remount,ro,bind "$GUILD_HOME" || exit 99\n${transcript(WRITERS)}`);
    assertClean(out, "read-only file system");
    const after = (await guild(["runs", "--all"], g)).stdout + (await guild(["runs", "--deleted"], g)).stdout;
    assert.equal(after, before);
  });

  test("a home not ours (EACCES, as nobody): every command that writes says so and exits 1", { ...LIMIT, skip: isRoot ? false : "needs root to run as nobody" }, async () => {
    const before = await storeWithRuns();
    chmodSync(p.root, 0o755);
    const nobody = `setpriv --reuid=nobody --regid=nogroup --clear-groups --inh-caps=-all`;
    const out = inNamespace(transcript(WRITERS).replaceAll("g ", `${nobody} "$NODE" "$BIN" `).replaceAll(`echo "== ${nobody} "$NODE" "$BIN" `, 'echo "== '), { HOME: "/nonexistent" });
    assertClean(out, "permission denied");
    const after = (await guild(["runs", "--all"], g)).stdout + (await guild(["runs", "--deleted"], g)).stdout;
    assert.equal(after, before);
  });

  test("output filling the disk stops the run: guild says so and exits 1, the run reads error", { ...LIMIT, skip: canUnshare ? false : "needs root and unshare --mount" }, () => {
    mkdirSync(p.home, { recursive: true });
    const out = inNamespace(`mount -t tmpfs -o size=1m tmpfs "$GUILD_HOME" || exit 99\ng run fill.py -y; echo "<exit $?>"\ng runs`);
    assert.doesNotMatch(out, /internal error|\n +at /);
    assert.match(out, /^disk full\n?<exit 1>\n/);
    assert.match(out, /\nguild: cannot write the run's output: no space left on device\n/);
    assert.match(out, /fill\.py +\S+ \S+ +error/);
  });

  test("output that cannot be written while attrs can: the run reads error and runs info says why", { ...LIMIT, skip: canUnshare ? false : "needs root and unshare --mount" }, async () => {
    const run = await stageRun(g, ["work.py"]);
    const full = `${p.root}/full`;
    mkdirSync(full);
    // A full 64 KB tmpfs holds the file bind-mounted over the run's output.
    const out = inNamespace(
      [
        `mount -t tmpfs -o size=64k tmpfs "${full}" || exit 99`,
        `touch "${full}/output" && (cat /dev/zero > "${full}/fill" 2>/dev/null; true)`,
        `touch "${run}/.guild/output" && mount --bind "${full}/output" "${run}/.guild/output" || exit 98`,
        `g run --start "${run}" -y; echo "<exit $?>"`,
        `g runs info "${run.split("/").pop()}" | grep -E '^(status|exit_status|error):'`,
      ].join("\n"),
    );
    assert.doesNotMatch(out, /internal error|\n +at /);
    assert.match(out, /guild: cannot write the run's output: no space left on device\n/);
    assert.match(out, /<exit 1>\n/);
    assert.match(out, /^status: error$/m);
    assert.match(out, /^error: cannot write the run's output: no space left on device$/m);
  });
});
