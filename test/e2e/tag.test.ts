/**
 * `guild tag` (and `guild runs tag`), as Guild 0.9's runs_impl.tag: tags
 * added, deleted or cleared on the selected runs (the latest by default),
 * written as the `tags` attr Guild writes (a sorted YAML list: Guild 0.9.1
 * wrote `- best\n- v1\n` for `guild tag -a best -a v1 1 -y`), "Modified
 * tags for N run(s)" on stderr; `--list-all`; `--sync-labels`; the `-Ft` /
 * `--tag` filter of the runs commands; `tags:` in `runs info`.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { guild, type GuildEnv } from "../helpers/guild-cli.js";
import { tempProject, type TempProject } from "../helpers/temp-project.js";

describe("guild tag", () => {
  let p: TempProject;
  let g: GuildEnv;
  let ids: string[];
  const listed = async (...args: string[]) =>
    (JSON.parse((await guild(["runs", "--json", ...args], g)).stdout) as { id: string }[]).map((r) => ids.indexOf(r.id) + 1).join(" ");
  before(async () => {
    p = tempProject("examples/say");
    g = { cwd: p.cwd, home: p.home };
    for (const msg of ["a", "b", "c"]) await guild(["run", "say.py", `msg=${msg}`, "-y"], g);
    ids = (JSON.parse((await guild(["runs", "--json"], g)).stdout) as { id: string }[]).map((r) => r.id);
  });
  after(() => p.cleanup());

  test("without an action: Guild's message, exit 1", async () => {
    const r = await guild(["tag"], g);
    assert.deepEqual([r.stderr, r.exitCode], ["guild: missing one of: --add, --delete, --clear, --list-all\nTry 'guild tag --help' for more information.\n", 1]);
  });

  test("adds tags to the latest run, in Guild's attr format", async () => {
    const r = await guild(["tag", "-a", "v1", "-a", "best", "-y"], g);
    assert.deepEqual([r.stdout, r.stderr, r.exitCode], ["", "Modified tags for 1 run(s)\n", 0]);
    assert.equal(readFileSync(join(p.home, "runs", ids[0] ?? "", ".guild", "attrs", "tags"), "utf8"), "- best\n- v1\n");
    assert.match((await guild(["runs", "info"], g)).stdout, /\npid: \ntags:\n  - best\n  - v1\nflags:\n/);
  });

  test("asks first, listing the runs; a no changes nothing", async () => {
    const r = await guild(["runs", "tag", "-a", "x", "2:3"], g, "n\n");
    assert.match(r.stderr, /^You are about to modify tags for the following runs:\nLabels are not updated - use --sync-labels to apply changes run labels.\n  \[[0-9a-f]{8}\]  say\.py .*\n  \[[0-9a-f]{8}\]  say\.py .*\nContinue\? \(Y\/n\) $/);
    assert.equal(await listed("-Ft", "x"), "");
  });

  test("-Ft and --tag filter runs with any of the tags", async () => {
    await guild(["tag", "-a", "v1", "3", "-y"], g);
    assert.equal(await listed("-Ft", "v1"), "1 3");
    assert.equal(await listed("--tag", "best", "--tag", "nope"), "1");
    assert.equal(await listed("-Ft", "v"), "");
    assert.equal((await guild(["tag", "--list-all"], g)).stdout, "best\nv1\n");
  });

  test("--delete and --clear; --sync-labels edits the label", async () => {
    await guild(["tag", "-d", "v1", "1", "-y"], g);
    assert.equal((await guild(["tag", "--list-all", "1"], g)).stdout, "best\n");
    await guild(["tag", "-c", "-y", "1"], g);
    assert.equal((await guild(["tag", "--list-all", "1"], g)).stdout, "");
    await guild(["tag", "-a", "good", "-s", "-y", "2"], g);
    assert.match((await guild(["runs", "info", "2"], g)).stdout, /\nlabel: good loud=no msg=b\n/);
    await guild(["tag", "-d", "good", "-s", "-y", "2"], g);
    assert.match((await guild(["runs", "info", "2"], g)).stdout, /\nlabel: loud=no msg=b\n/);
  });

  test("--list-all with an action is refused", async () => {
    const r = await guild(["tag", "--list-all", "-a", "x"], g);
    assert.equal(r.exitCode, 1);
    assert.match(r.stderr, /^guild: --list-all cannot be used with --add, --delete or --clear\n/);
  });
});
