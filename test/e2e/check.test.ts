/**
 * `guild check`: Guild's `name:` rows aligned at column 27 (as Guild 0.9.1
 * prints `guild_version:             0.9.1`), the values checked against
 * independent sources (python3 itself, uname, the package), nothing
 * fetched; no Python gives Guild's "problems with your setup" error.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT, guild, type GuildEnv } from "../helpers/guild-cli.js";
import { tempProject, type TempProject } from "../helpers/temp-project.js";

describe("guild check", () => {
  let p: TempProject;
  let g: GuildEnv;
  before(() => {
    p = tempProject("examples/say");
    g = { cwd: p.cwd, home: p.home };
  });
  after(() => p.cleanup());

  test("versions, platform and paths, offline", async () => {
    const r = await guild(["check"], g);
    assert.deepEqual([r.stderr, r.exitCode], ["", 0]);
    const rows = r.stdout.trimEnd().split("\n");
    // `name:`, spaces to column 27, the value.
    for (const row of rows) assert.match(row, /^(?=.{27}\S)[a-z_]+: +\S/, row);
    const value = (name: string) => rows.find((row) => row.startsWith(`${name}:`))?.slice(27);
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")) as { version: string };
    assert.deepEqual(
      rows.map((row) => row.split(":")[0]),
      ["guild_version", "guild_install_location", "guild_home", "node_version", "node_exe", "python_version", "python_exe", "platform", "tensorboard_version", "latest_guild_version"],
    );
    assert.equal(value("guild_version"), pkg.version);
    assert.equal(value("guild_install_location"), REPO_ROOT.replace(/\/$/, ""));
    assert.equal(value("guild_home"), p.home);
    assert.equal(value("node_version"), process.version);
    const python = value("python_exe") ?? "";
    assert.equal(value("python_version"), execFileSync(python, ["-c", "import sys; print(sys.version)"], { encoding: "utf8" }).replace(/\n/g, "").trim());
    assert.equal(value("platform"), execFileSync("uname", ["-srm"], { encoding: "utf8" }).trim());
    assert.equal(value("latest_guild_version"), "unchecked (offline)");
    assert.equal(existsSync(p.home), false, "check creates no Guild home");
  });

  test("without Python: the problem shown, Guild's error, exit 1", async () => {
    const empty = join(p.root, "empty-path");
    mkdirSync(empty);
    const r = await guild(["check"], { ...g, env: { PATH: empty } });
    assert.match(r.stdout, /\npython_version: +ERROR: cannot run python3/);
    assert.deepEqual([r.stderr, r.exitCode], ["guild: there are problems with your setup\nRefer to the issues above for more information.\n", 1]);
  });
});
