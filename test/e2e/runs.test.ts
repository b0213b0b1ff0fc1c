/** `guild runs`: listing, status filters, limits, deleting. */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { guild } from "../helpers/guild-cli.js";
import { COMMANDS } from "../../src/commands/registry.js";
import { tempProject, type TempProject } from "../helpers/temp-project.js";
import { session, text, type Session } from "../helpers/transcript.js";

describe("guild runs", () => {
  let p: TempProject;
  let s: Session;
  before(async () => {
    p = tempProject("fixtures/projects/queue");
    s = session({ cwd: p.cwd, home: p.home }, [p.root]);
    // ~1~ error, ~2~ completed, then ~3~ staged (the order they appear below).
    await s.run(["run", "fail.py", "code=2", "-y"]);
    await s.run(["run", "fail.py", "code=0", "-y"]);
    await s.run(["run", "fail.py", "code=1", "--stage", "-y"]);
  });
  after(() => p.cleanup());

  test("lists newest first", async () => {
    assert.equal(
      await s.run(["runs"]),
      text`
        [1:~1~]  fail.py  <time>  staged     code=1
        [2:~2~]  fail.py  <time>  completed  code=0
        [3:~3~]  fail.py  <time>  error      code=2
      `,
    );
  });

  const FILTERS: [string[], string][] = [
    [["--staged"], "~1~"],
    [["-G"], "~1~"],
    [["-Ss"], "~1~"],
    [["--completed"], "~2~"],
    [["-C"], "~2~"],
    [["-Sc"], "~2~"],
    [["--error"], "~3~"],
    [["-E"], "~3~"],
    [["-Se"], "~3~"],
    [["--running"], ""],
    [["--terminated"], ""],
    [["--pending"], ""],
    [["-G", "-E"], "~1~ ~3~"],
  ];
  for (const [args, want] of FILTERS) {
    test(`status filter ${args.join(" ")}`, async () => {
      const out = await s.run(["runs", ...args]);
      const listed = [...out.matchAll(/^\[\d+:(~\d+~)\]/gm)].map((m) => m[1]).join(" ");
      assert.equal(listed, want);
    });
  }

  test("--limit, and --all with --limit is refused", async () => {
    assert.equal((await s.run(["runs", "-n", "1"])).split("\n").length - 1, 1);
    assert.equal(
      await s.run(["runs", "--all", "-n", "1"]),
      "guild: --all and --limit cannot both be used\n<exit 1>\n",
    );
  });

  test("rm asks first; a 'no' deletes nothing", async () => {
    assert.equal(
      await s.run(["runs", "rm", "1"], "n\n"),
      text`
        You are about to delete the following runs:
          [~1~]  fail.py  <time>  staged  code=1
        Delete 1 run(s)? (Y/n) |
      `.replace(/\n$/, ""),
    );
    assert.equal((await s.run(["runs"])).split("\n").length - 1, 3);
  });

  test("rm by index, range and id prefix; deleted runs go to the trash", async () => {
    assert.equal(await s.run(["runs", "rm", "-y", "1"]), "Deleted 1 run(s)\n");
    assert.equal(await s.run(["runs", "list", "--deleted"]), "[1:~1~]  fail.py  <time>  staged  code=1\n");
    const listing = (await guild(["runs"], { cwd: p.cwd, home: p.home })).stdout;
    const prefix = /^\[2:([0-9a-f]{6})/m.exec(listing)?.[1] ?? "?";
    assert.equal(await s.run(["runs", "rm", "-y", prefix]), "Deleted 1 run(s)\n");
    assert.equal(await s.run(["runs", "rm", "-y", "zzz"]), text`
      guild: could not find a run matching 'zzz'
      Try 'guild runs list' for a list or 'guild runs rm --help' for more information.
      <exit 1>
    `);
    assert.equal(await s.run(["runs", "rm", "-y", "1:"]), "Deleted 1 run(s)\n");
    assert.equal(await s.run(["runs"]), "");
    assert.equal(await s.run(["runs", "rm", "-y"]), "Nothing to delete.\n");
  });
});

describe("guild --version and --help", () => {
  test("--version", async () => {
    const r = await guild(["--version"], { cwd: process.cwd(), home: "/nonexistent-guild-home" });
    assert.match(r.stdout, /^guild \d+\.\d+\.\d+\n$/);
    assert.equal(r.exitCode, 0);
  });
  test("--help lists the commands", async () => {
    const r = await guild(["--help"], { cwd: process.cwd(), home: "/nonexistent-guild-home" });
    assert.match(r.stdout, /^Usage: guild \[OPTIONS\] COMMAND \[ARGS\]\.\.\./);
    const commands = r.stdout.slice(r.stdout.indexOf("\nCommands:\n") + 11).trim().split("\n").map((l) => l.trim().split(/\s+/)[0]);
    // Every registered command, in order (test/unit/registry.test.ts checks the registry against the entry modules).
    assert.deepEqual(commands, COMMANDS.map((c) => c.name));
    for (const name of ["cat", "compare", "diff", "export", "import", "label", "ls", "mark", "merge", "operations", "run", "runs", "stop", "tag", "tensorboard"]) assert.ok(commands.includes(name), name);
    assert.match(r.stdout, /\n  run +Run an operation\.\n  runs +Show or manage runs\.\n/);
    assert.equal(r.exitCode, 0);
  });
  test("run --help documents the run options", async () => {
    const r = await guild(["run", "--help"], { cwd: process.cwd(), home: "/nonexistent-guild-home" });
    assert.match(r.stdout, /^Usage: guild run \[OPTIONS\] \[\[MODEL:\]OPERATION\] \[FLAG=VAL\.\.\.\]/);
    for (const opt of ["--stage", "--stage-trials", "--start <run>", "-y, --yes", "--label"]) assert.ok(r.stdout.includes(opt), opt);
    assert.equal(r.exitCode, 0);
  });
});
