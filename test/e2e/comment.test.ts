/**
 * `guild comment` (and `guild runs comment`): Guild 0.9's run comments.
 * Listing a store Guild wrote, with the `comments` attr as Guild wrote it,
 * matches what Guild printed (fixtures/guild-outputs/comment-0.9.1.txt);
 * comments we add are that same attr, so Guild lists them (runs_impl
 * `_add_run_comment`: body, host, time in µs, user).
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { guild, guildCombined, type GuildEnv } from "../helpers/guild-cli.js";
import { recordedCommands } from "../helpers/guild-outputs.js";
import { extractStore, type ExtractedStore } from "../helpers/guild-stores.js";
import { tempProject, type TempProject } from "../helpers/temp-project.js";

/** The attr Guild 0.9.1 wrote for two comments (see fixtures/guild-outputs/README.md). */
const GUILD_COMMENTS = "- body: first note\n  host: vm\n  time: 1796430323150559\n  user: ''\n- body: 'second\n\n    line two'\n  host: box\n  time: 1796430324113647\n  user: bob\n";

describe("guild comment -l, as Guild 0.9.1 prints it", () => {
  let store: ExtractedStore;
  before(async () => {
    store = extractStore("guild-0.9.1");
    const latest = (await guild(["select"], { cwd: store.project, home: store.home })).stdout.trim();
    writeFileSync(join(store.home, "runs", latest, ".guild", "attrs", "comments"), GUILD_COMMENTS);
  });
  after(() => store.cleanup());

  for (const { args, output } of recordedCommands("comment-0.9.1.txt")) {
    test(`guild ${args.join(" ")}`, async () => {
      const r = await guildCombined(args, { cwd: store.project, home: store.home, env: { TZ: "UTC" } });
      assert.equal(`${store.asWritten(r.output)}<exit ${r.exitCode}>\n`, output);
    });
  }
});

describe("adding, deleting and clearing comments", () => {
  let p: TempProject;
  let g: GuildEnv;
  let latest: string;
  before(async () => {
    p = tempProject("examples/say");
    g = { cwd: p.cwd, home: p.home, env: { TZ: "UTC", USER: "ann", LOGNAME: "ann" } };
    await guild(["run", "say.py", "msg=a", "-y"], g);
    await guild(["run", "say.py", "msg=b", "-y"], g);
    latest = (await guild(["select"], g)).stdout.trim();
  });
  after(() => p.cleanup());
  const attr = () => readFileSync(join(p.home, "runs", latest, ".guild", "attrs", "comments"), "utf8");

  test("adds to the latest run in Guild's attr format", async () => {
    const r = await guild(["comment", "-a", "looks good", "-y"], g);
    assert.deepEqual([r.stdout, r.stderr, r.exitCode], ["", "Added comment to 1 run(s)\n", 0]);
    await guild(["runs", "comment", "-a", "from bob", "-u", "bob@box", "-y"], g);
    assert.match(attr(), /^- body: looks good\n  host: \S+\n  time: \d{16}\n  user: ann\n- body: from bob\n  host: box\n  time: \d{16}\n  user: bob\n$/);
  });

  test("lists comments; a run without any says so", async () => {
    const r = await guild(["comment", "-l", "1", "2"], g);
    assert.match(r.stdout, /^[0-9a-f]{8}  say\.py  \S+ \S+  completed  loud=no msg=b\n\[1\] ann@\S+ \S+ \S+\n\n  looks good\n\n\[2\] bob@box \S+ \S+\n\n  from bob\n\n[0-9a-f]{8}  say\.py  \S+ \S+  completed  loud=no msg=a\n  <no comments>\n$/);
  });

  test("asks before adding; a no changes nothing", async () => {
    const r = await guild(["comment", "-a", "nope", "2"], g, "n\n");
    assert.match(r.stderr, /^You are about to add a comment to the following runs:\n  \[[0-9a-f]{8}\]  say\.py .*\nContinue\? \(Y\/n\) $/);
    assert.match((await guild(["comment", "-l", "2"], g)).stdout, /<no comments>/);
  });

  test("deletes by index, then clears", async () => {
    assert.equal((await guild(["comment", "-d", "1", "-y"], g)).stderr, "Deleted comment for 1 run(s)\n");
    assert.match(attr(), /^- body: from bob\n/);
    assert.equal((await guild(["comment", "-c", "-y"], g)).stderr, "Deleted all comments for 1 run(s)\n");
    assert.match((await guild(["comment", "-l"], g)).stdout, /\n  <no comments>\n$/);
  });

  test("bad input: conflicting actions, no action, an empty comment, a bad index", async () => {
    const cases: [string[], string][] = [
      [["comment", "-a", "x", "-c"], "guild: --add and --clear cannot both be specified\nTry 'guild comment --help' for more information.\n"],
      [["comment"], "guild: missing one of: --list, --add, --delete, --clear\nTry 'guild comment --help' for more information.\n"],
      [["comment", "-a", "  ", "-y"], "Aborting due to an empty comment.\n"],
      [["comment", "-d", "x", "-y"], "guild: invalid value for '-d' / '--delete': 'x' is not a valid integer\nTry 'guild comment --help' for more information.\n"],
    ];
    for (const [args, stderr] of cases) {
      const r = await guild(args, g);
      assert.deepEqual([r.stderr, r.exitCode], [stderr, 1], args.join(" "));
    }
  });
});
