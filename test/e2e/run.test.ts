/** `guild run` of single runs: flags, environment, output and run files. */
import { afterEach, beforeEach, describe, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { guild, guildCombined } from "../helpers/guild-cli.js";
import { tempProject, type TempProject } from "../helpers/temp-project.js";

describe("guild run", () => {
  let p: TempProject;
  beforeEach(() => (p = tempProject("fixtures/projects/run")));
  afterEach(() => p.cleanup());
  const g = () => ({ cwd: p.cwd, home: p.home });
  const onlyRun = () => {
    const ids = readdirSync(join(p.home, "runs"));
    assert.equal(ids.length, 1);
    return { id: ids[0] as string, dir: join(p.home, "runs", ids[0] as string) };
  };
  const attr = (dir: string, name: string) => readFileSync(join(dir, ".guild", "attrs", name), "utf8");

  test("a globals script gets its flags replaced and the run environment", async () => {
    const r = await guild(["run", "show_env.py", "lr=0.5", "name=abc", "debug=yes", "-y"], g());
    const { id, dir } = onlyRun();
    assert.equal(r.exitCode, 0, r.stderr);
    assert.equal(
      r.stdout,
      [
        `RUN_ID=${id}`,
        "FLAG_LR=0.5",
        "FLAG_NAME=abc",
        "FLAG_DEBUG=1",
        "FLAGS_DEST=globals",
        `GUILD_OP=${join(p.cwd, "show_env.py")}`,
        "GUILD_SOURCECODE=.guild/sourcecode",
        "LOG_LEVEL=20",
        "cwd is RUN_DIR: True",
        "RUN_DIR under GUILD_HOME: True",
        "",
      ].join("\n"),
    );
    assert.equal(attr(dir, "flags"), "debug: true\nlr: 0.5\nname: abc\n");
    assert.equal(attr(dir, "label"), "debug=yes lr=0.5 name=abc\n");
    assert.equal(attr(dir, "exit_status"), "0\n");
    assert.match(attr(dir, "cmd"), /^- \/.*python3\n- -um\n- guild\.op_main\n- show_env\n- --debug\n- 'yes'\n- --lr\n- '0\.5'\n- --name\n- abc\n$/);
  });

  test("the run directory has Guild's layout", async () => {
    await guild(["run", "show_env.py", "-y"], g());
    const { dir } = onlyRun();
    const guildDir = join(dir, ".guild");
    assert.equal(readFileSync(join(guildDir, "opref"), "utf8"), `script:${p.cwd} '' '' show_env.py\n`);
    assert.deepEqual(readdirSync(join(guildDir, "sourcecode")).sort(), ["fails.py", "guild.yml", "interleave.py", "show_env.py"]);
    for (const marker of ["LOCK", "PENDING", "STAGED"]) assert.equal(existsSync(join(guildDir, marker)), false, marker);
    const lines = readFileSync(join(guildDir, "output"), "utf8").split("\n").length - 1;
    assert.equal(statSync(join(guildDir, "output.index")).size, lines * 9);
    const names = readdirSync(join(guildDir, "attrs")).sort();
    for (const a of ["cmd", "env", "exit_status", "flags", "id", "initialized", "label", "op", "run_params", "started", "stopped"]) {
      assert.ok(names.includes(a), `attr ${a}`);
    }
  });

  test("stdout and stderr keep their order, and are saved to the run's output", async () => {
    const { output, exitCode } = await guildCombined(["run", "interleave.py", "-y"], g());
    assert.equal(exitCode, 0);
    const want = "out 0\nerr 0\nout 1\nerr 1\nout 2\nerr 2\n";
    assert.equal(output, want);
    assert.equal(readFileSync(join(onlyRun().dir, ".guild", "output"), "utf8"), want);
    const index = readFileSync(join(onlyRun().dir, ".guild", "output.index"));
    assert.deepEqual([...Array(6).keys()].map((i) => index[i * 9 + 8]), [0, 1, 0, 1, 0, 1]);
  });

  test("a guild.yml operation uses its flag defaults and module", async () => {
    const r = await guild(["run", "train", "-y"], g());
    assert.equal(r.exitCode, 0, r.stderr);
    assert.match(r.stdout, /^RUN_ID=[0-9a-f]{32}\nFLAG_LR=0\.01\nFLAG_NAME=from-guildfile\nFLAG_DEBUG=1\nFLAGS_DEST=globals\nGUILD_OP=train\n/);
    const { dir } = onlyRun();
    assert.match(readFileSync(join(dir, ".guild", "opref"), "utf8"), /^guildfile:.*\/guild\.yml [0-9a-f]{32} '' train\n$/);
  });

  test("a label template with a format filter", async () => {
    await guild(["run", "labelled", "lr=0.25", "-y"], g());
    assert.equal(attr(onlyRun().dir, "label"), "lr is 0.250 for x\n");
  });

  test("the operation's exit code is guild's, and the run shows error", async () => {
    const r = await guild(["run", "fails.py", "-y"], g());
    assert.deepEqual([r.stdout, r.stderr, r.exitCode], ["about to fail\n", "", 3]);
    assert.equal(attr(onlyRun().dir, "exit_status"), "3\n");
    assert.match((await guild(["runs"], g())).stdout, /^\[1:[0-9a-f]{8}\]  fails\.py  \S+ \S+  error  $/m);
  });

  test("a value the flag's type refuses is an error before anything runs", async () => {
    const r = await guild(["run", "show_env.py", "lr=[1", "-y"], g());
    assert.deepEqual([r.stderr, r.exitCode], ["guild: invalid value [1 for lr: invalid value for type 'number'\n", 1]);
    assert.equal(existsSync(join(p.home, "runs")) && readdirSync(join(p.home, "runs")).length, 0);
  });

  test("--force-flags accepts a flag the operation does not define", async () => {
    const r = await guild(["run", "show_env.py", "--force-flags", "other=1", "-y"], g());
    assert.equal(r.exitCode, 0, r.stderr);
    assert.equal(attr(onlyRun().dir, "flags"), "debug: false\nlr: 0.1\nname: x\nother: 1\n");
  });

  test("flags are imported once, and again when the script changes", async () => {
    const env = { ...g(), env: { NO_IMPORT_FLAGS_PROGRESS: undefined } };
    assert.equal((await guild(["run", "fails.py", "-y"], env)).stderr, "Refreshing flags...\n");
    assert.equal((await guild(["run", "fails.py", "-y"], env)).stderr, "");
    const script = join(p.cwd, "fails.py");
    const later = new Date(Date.now() + 5000);
    utimesSync(script, later, later);
    assert.equal((await guild(["run", "fails.py", "-y"], env)).stderr, "Refreshing flags...\n");
  });

  test("flags read from the import cache keep their types (1.0 a float, '1.5' a string)", async () => {
    const script = [
      "import argparse",
      "p = argparse.ArgumentParser()",
      'p.add_argument("--rate", type=float, default=1.0)',
      'p.add_argument("--tag", default="1.5")',
      "p.parse_args()",
    ].join("\n");
    writeFileSync(join(p.cwd, "typed.py"), `${script}\n`);
    const flags: string[] = [];
    for (const cached of [false, true]) {
      const r = await guild(["run", "typed.py", "-y"], { ...g(), env: { NO_IMPORT_FLAGS_PROGRESS: undefined } });
      assert.equal(r.stderr, cached ? "" : "Refreshing flags...\n");
      const ids = readdirSync(join(p.home, "runs"));
      const newest = ids.map((id) => join(p.home, "runs", id)).sort((a, b) => attr(b, "started").localeCompare(attr(a, "started")))[0];
      flags.push(attr(newest as string, "flags"));
    }
    assert.deepEqual(flags, ["rate: 1.0\ntag: '1.5'\n", "rate: 1.0\ntag: '1.5'\n"]);
  });

  test("a staged run is started later by an id prefix", async () => {
    const staged = await guild(["run", "show_env.py", "name=later", "--stage", "-y"], g());
    const { id, dir } = onlyRun();
    assert.equal(staged.stdout, `show_env.py staged as ${id}\nTo start the operation, use 'guild run --start ${id}'\n`);
    assert.ok(existsSync(join(dir, ".guild", "STAGED")));
    assert.match(readFileSync(join(dir, ".guild", "ENV"), "utf8"), new RegExp(`^export RUN_ID=${id}$`, "m"));
    const started = await guild(["run", "--start", id.slice(0, 5), "-y"], g());
    assert.equal(started.exitCode, 0, started.stderr);
    assert.match(started.stdout, /^FLAG_NAME=later$/m);
    assert.equal(existsSync(join(dir, ".guild", "STAGED")), false);
    assert.equal(attr(dir, "exit_status"), "0\n");
  });

  test("--start refuses a run that is running", async () => {
    const staged = await guild(["run", "show_env.py", "--stage", "-y"], g());
    assert.equal(staged.exitCode, 0);
    const { id, dir } = onlyRun();
    writeFileSync(join(dir, ".guild", "STAGED"), "");
    rmSync(join(dir, ".guild", "STAGED"));
    writeFileSync(join(dir, ".guild", "LOCK"), String(process.pid));
    const r = await guild(["run", "--start", id, "-y"], g());
    assert.deepEqual([r.stderr, r.exitCode], [`guild: cannot restart run ${id} because it's running\n`, 1]);
  });
});
