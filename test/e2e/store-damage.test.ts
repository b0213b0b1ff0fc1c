/**
 * A damaged store: run directories missing their opref, with unreadable or
 * invalid attributes, empty, or not readable at all are skipped or shown as
 * best they can be, with a warning, and never break `guild runs` or a queue
 * for the other runs. Bad homes get a clear `guild:` error.
 *
 * Permission cases need a user that permissions apply to: as root, guild
 * runs as `nobody` for them.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { chmodSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { GUILD_BIN, guild, guildEnv, type GuildEnv, type GuildResult } from "../helpers/guild-cli.js";
import { runDirsOf, runIds } from "../helpers/runs.js";
import { tempProject, type TempProject } from "../helpers/temp-project.js";

const NOBODY = 65534;
const asRoot = process.getuid?.() === 0;

/** guild as a user that file permissions apply to. */
function guildUnprivileged(args: readonly string[], g: GuildEnv): Promise<GuildResult> {
  return new Promise((resolve, reject) => {
    const ids = asRoot ? { uid: NOBODY, gid: NOBODY } : {};
    const child = spawn(process.execPath, [GUILD_BIN, ...args], { cwd: g.cwd, env: guildEnv(g), ...ids });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ stdout, stderr, exitCode: code ?? 1 }));
  });
}

/** Lets `nobody` into the temp project (mkdtemp makes it 0700). */
function openToAll(p: TempProject): void {
  chmodSync(p.root, 0o755);
}

describe("damaged run directories", () => {
  let p: TempProject;
  let g: GuildEnv;
  const dirs: Record<string, string> = {};
  const sid = (name: string) => (dirs[name] ?? "").split("/").pop()?.slice(0, 8);

  before(async () => {
    p = tempProject("fixtures/projects/crash");
    g = { cwd: p.cwd, home: p.home };
    for (const n of [1, 2, 3, 4, 5, 6, 7]) assert.equal((await guild(["run", "work.py", `n=${n}`, "-y"], g)).exitCode, 0);
    const byN = Object.fromEntries(runDirsOf(p.home, "work.py").map((d) => [readFlag(d), d]));
    const names = ["noOpref", "badYaml", "attrsFile", "badOpref", "guildFile", "labelDir", "good"];
    names.forEach((name, i) => (dirs[name] = byN[String(i + 1)] ?? ""));
    const at = (name: string, ...path: string[]) => join(dirs[name] ?? "", ".guild", ...path);
    rmSync(at("noOpref", "opref"));
    writeFileSync(at("badYaml", "attrs", "label"), "a: [\n");
    writeFileSync(at("badYaml", "attrs", "started"), "{{{");
    writeFileSync(at("badYaml", "attrs", "exit_status"), "x: [");
    rmSync(at("attrsFile", "attrs"), { recursive: true });
    writeFileSync(at("attrsFile", "attrs"), "not a directory\n");
    writeFileSync(at("badOpref", "opref"), "garbage\n");
    rmSync(at("guildFile"), { recursive: true });
    writeFileSync(at("guildFile"), "");
    rmSync(at("labelDir", "attrs", "label"));
    mkdirSync(at("labelDir", "attrs", "label"));
    const runs = join(p.home, "runs");
    mkdirSync(join(runs, "empty-dir"));
    writeFileSync(join(runs, "a-file"), "");
    symlinkSync("/nonexistent", join(runs, "dangling"));
  });
  after(() => p.cleanup());

  function readFlag(dir: string): string {
    return /n: (\d+)/.exec(readFileSync(join(dir, ".guild", "attrs", "flags"), "utf8"))?.[1] ?? "?";
  }

  test("guild runs lists what it can and warns about the rest", async () => {
    const res = await guild(["runs"], g);
    assert.equal(res.exitCode, 0);
    const runs = join(p.home, "runs");
    const skipped = (name: string, why: string) => `WARNING: skipping ${join(runs, name)}: ${why}`;
    assert.deepEqual(res.stderr.split("\n").filter(Boolean).sort(), [
      skipped("a-file", "not a directory"),
      skipped("dangling", "missing"),
      skipped("empty-dir", "empty directory"),
      skipped(dirs.guildFile?.split("/").pop() ?? "", ".guild: not a directory"),
      skipped(dirs.noOpref?.split("/").pop() ?? "", "missing .guild/opref"),
      `WARNING: run ${sid("attrsFile")}: .guild/attrs/started: not a directory, .guild/attrs/label: not a directory, .guild/attrs/exit_status: not a directory`,
      `WARNING: run ${sid("badOpref")}: .guild/opref: invalid`,
      `WARNING: run ${sid("badYaml")}: .guild/attrs/started: invalid YAML, .guild/attrs/label: invalid YAML, .guild/attrs/exit_status: invalid YAML`,
      `WARNING: run ${sid("labelDir")}: .guild/attrs/label: is a directory`,
    ].sort());
    const rows = res.stdout.split("\n").filter(Boolean);
    const row = (name: string) => rows.find((r) => r.includes(`:${sid(name)}]`)) ?? `(no row for ${name})`;
    assert.equal(rows.length, 5);
    assert.match(row("good"), /work\.py .* completed +n=7 seconds=0$/);
    assert.match(row("badOpref"), /\] {2}\? .* completed +n=4 seconds=0$/);
    assert.match(row("labelDir"), /work\.py .* completed +$/);
    assert.match(row("badYaml"), /work\.py +error +$/);
    assert.match(row("attrsFile"), /work\.py +error +$/);
  });

  test("the warnings come again on the next listing (from the run index)", async () => {
    const first = await guild(["runs"], g);
    const again = await guild(["runs"], g);
    assert.deepEqual([again.stdout, again.stderr], [first.stdout, first.stderr]);
  });

  test("a queue drains the good runs of a damaged store", async () => {
    const staged = await guild(["run", "work.py", "n=8", "--stage", "-y"], g);
    assert.equal(staged.exitCode, 0);
    const res = await guild(["run", "queue", "run-once=yes", "-y"], g);
    assert.equal(res.exitCode, 0, res.stderr);
    assert.match(res.stdout, /^work 8 done\n$/);
  });

  test("unreadable run directories and attributes are warned about (permission denied)", async () => {
    const q = tempProject("fixtures/projects/crash");
    try {
      const h = { cwd: q.cwd, home: q.home };
      for (const n of [1, 2, 3]) assert.equal((await guild(["run", "work.py", `n=${n}`, "-y"], h)).exitCode, 0);
      const [closed = "", labelClosed = ""] = runIds(q.home).map((id) => join(q.home, "runs", id));
      chmodSync(closed, 0o000);
      chmodSync(join(labelClosed, ".guild", "attrs", "label"), 0o000);
      openToAll(q);
      const res = await guildUnprivileged(["runs"], h);
      assert.equal(res.exitCode, 0, res.stderr);
      assert.deepEqual(res.stderr.split("\n").filter(Boolean).sort(), [
        `WARNING: run ${labelClosed.split("/").pop()?.slice(0, 8)}: .guild/attrs/label: permission denied`,
        `WARNING: skipping ${closed}: permission denied`,
      ]);
      assert.equal(res.stdout.split("\n").filter(Boolean).length, 2);
      chmodSync(closed, 0o755);
    } finally {
      q.cleanup();
    }
  });
});

describe("bad homes", () => {
  let p: TempProject;
  before(() => (p = tempProject("fixtures/projects/crash")));
  after(() => p.cleanup());

  test("GUILD_HOME pointing at a file", async () => {
    const file = join(p.root, "a-file");
    writeFileSync(file, "");
    for (const args of [["runs"], ["run", "work.py", "-y"], ["run", "queue", "-y"]]) {
      const res = await guild(args, { cwd: p.cwd, home: file });
      assert.deepEqual([res.stderr, res.stdout, res.exitCode], [`guild: guild home '${file}' is not a directory\n`, "", 1]);
    }
    const inside = join(file, "home");
    const res = await guild(["run", "work.py", "-y"], { cwd: p.cwd, home: inside });
    assert.deepEqual([res.stderr, res.exitCode], [`guild: cannot create guild home '${inside}': not a directory\n`, 1]);
  });

  test("a home guild may not write to", async () => {
    const home = join(p.root, "read-only-home");
    const g = { cwd: p.cwd, home };
    assert.equal((await guild(["run", "work.py", "n=1", "--stage", "-y"], g)).exitCode, 0);
    const [staged = ""] = runIds(home);
    openToAll(p);
    chmodSync(home, 0o555);
    chmodSync(join(home, "runs"), 0o555);
    chmodSync(join(home, "runs", staged, ".guild"), 0o555);
    try {
      const run = await guildUnprivileged(["run", "work.py", "-y"], g);
      assert.deepEqual([run.stderr, run.stdout, run.exitCode], [`guild: cannot create a run in '${home}': permission denied\n`, "", 1]);
      const start = await guildUnprivileged(["run", "--start", staged, "-y"], g);
      assert.deepEqual(
        [start.stderr, start.exitCode],
        [`guild: cannot start run in '${join(home, "runs", staged)}': permission denied\n`, 1],
      );
      const list = await guildUnprivileged(["runs"], g);
      assert.equal(list.exitCode, 0, list.stderr);
      assert.match(list.stdout, /^\[1:\w{8}\] {2}work\.py .* staged +n=1 seconds=0\n$/);
      assert.deepEqual(runIds(home), [staged]);
    } finally {
      for (const dir of [home, join(home, "runs"), join(home, "runs", staged, ".guild")]) chmodSync(dir, 0o755);
    }
  });
});
