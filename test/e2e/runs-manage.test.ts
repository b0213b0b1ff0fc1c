/**
 * Managing runs through the built bin: selection by index, range and id
 * prefix; every filter; runs info of staged, completed, error and batch
 * runs; rm → list --deleted → restore → purge; labels; marks; --json; and
 * that a "no" at each prompt changes nothing.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { guild, guildCombined, type GuildEnv } from "../helpers/guild-cli.js";
import { normalize } from "../helpers/normalize.js";
import { tempProject, type TempProject } from "../helpers/temp-project.js";
import { session, text, type Session } from "../helpers/transcript.js";

/** The ids listed, as transcript names, in order. */
function listed(out: string): string {
  return [...out.matchAll(/^\[\d+:(~\d+~)\]/gm)].map((m) => m[1]).join(" ");
}


/**
 * A fixed-offset zone where it is now about midday. `-S today` (and `after 1
 * day ago`) are local days: with the system zone, a suite that crossed
 * midnight between making its runs and filtering them would fail. Here
 * midnight is half a day away. (`Etc/GMT+N` is UTC-N: POSIX signs.)
 */
function middayZone(now = new Date()): string {
  const offset = now.getUTCHours() - 12;
  return offset === 0 ? "Etc/GMT" : `Etc/GMT${offset > 0 ? "+" : "-"}${Math.abs(offset)}`;
}

describe("managing runs", () => {
  let p: TempProject;
  let g: GuildEnv;
  let s: Session;
  /** Full run ids in listing order. */
  let ids: string[];
  before(async () => {
    p = tempProject("fixtures/projects/manage");
    g = { cwd: p.cwd, home: p.home, env: { TZ: middayZone() } };
    for (const args of [
      ["run", "exit.py", "code=1", "-y"],
      ["run", "train", "-l", "best", "-y"],
      ["run", "exit.py", "code=[0,2]", "-y"],
      ["run", "train", "code=3", "--stage", "-y"],
      ["run", "sub/hello.py", "-y"],
    ]) {
      await guild(args, g);
    }
    s = session(g, [p.root]);
    // Names ~1~ .. ~7~ follow the listing's order.
    await s.run(["runs"]);
    ids = (JSON.parse((await guild(["runs", "--json"], g)).stdout) as { id: string }[]).map((r) => r.id);
  });
  after(() => p.cleanup());

  /** `runs info` transcript; the python path and source digest differ between machines. */
  async function info(args: string[]): Promise<string> {
    const { output, exitCode } = await guildCombined(["runs", "info", ...args], g);
    const text = output
      .replace(/^command: \S+/m, "command: <python>")
      .replace(/^sourcecode_digest: [0-9a-f]{32}$/m, "sourcecode_digest: <digest>");
    return normalize(text, s.ids, [p.root]) + (exitCode ? `<exit ${exitCode}>\n` : "");
  }

  test("the listing: project dir suffix for a run from a subdirectory", async () => {
    assert.equal(
      await s.run(["runs"]),
      text`
        [1:~1~]  sub/hello.py (sub)  <time>  completed  |
        [2:~2~]  train               <time>  staged     code=3 optimizer=adam
        [3:~3~]  exit.py             <time>  error      code=2
        [4:~4~]  exit.py             <time>  completed  code=0
        [5:~5~]  exit.py+            <time>  completed  |
        [6:~6~]  train               <time>  completed  best
        [7:~7~]  exit.py             <time>  error      code=1
      `,
    );
  });

  test("--verbose adds each run's details", async () => {
    const out = await s.run(["runs", "-v", "-n", "1"]);
    assert.match(out, /^\[1:~1~\]  sub\/hello\.py \(sub\)  <time>  completed  \n  id: ~1~\n  operation: sub\/hello\.py\n  from: <tmp>\/project\/sub\n  status: completed\n/);
    assert.match(out, /\n  exit_status: 0\n  pid: \n$/);
  });

  const FILTERS: [string[], string][] = [
    [["-o", "train"], "~2~ ~6~"],
    [["--operation", "exit.py", "-o", "hello"], "~1~ ~3~ ~4~ ~5~ ~7~"],
    [["-o", "exit.py+"], "~5~"],
    [["-Fo", "guild.yml/train"], "~2~ ~6~"],
    [["-l", "best"], "~6~"],
    [["-l", "code=", "-l", "best"], "~2~ ~3~ ~4~ ~6~ ~7~"],
    [["-U"], "~1~ ~5~"],
    [["-S", "today"], "~1~ ~2~ ~3~ ~4~ ~5~ ~6~ ~7~"],
    [["--started", "last 10 minutes"], "~1~ ~2~ ~3~ ~4~ ~5~ ~6~ ~7~"],
    [["-S", "before 2000-1-1"], ""],
    [["-S", "after 1 day ago", "-E"], "~3~ ~7~"],
    [["-Sce"], "~1~ ~3~ ~4~ ~5~ ~6~ ~7~"],
    [["-G", "-o", "train"], "~2~"],
    [["-D", "0"], ""],
  ];
  for (const [args, want] of FILTERS) {
    test(`filter ${args.join(" ")}`, async () => {
      assert.equal(listed(await s.run(["runs", ...args])), want);
    });
  }

  test("filter by source code digest prefix", async () => {
    const runs = JSON.parse((await guild(["runs", "--json"], g)).stdout) as { id: string; sourcecode_digest: string | null }[];
    const train = runs[1];
    assert.ok(train?.sourcecode_digest);
    const sameSource = runs.filter((r) => r.sourcecode_digest === train.sourcecode_digest).map((r) => r.id);
    const out = await guild(["runs", "-D", train.sourcecode_digest.slice(0, 6)], g);
    assert.deepEqual([...out.stdout.matchAll(/^\[\d+:([0-9a-f]{8})\]/gm)].map((m) => m[1]), sameSource.map((id) => id.slice(0, 8)));
  });

  test("bad filters", async () => {
    assert.equal(
      await s.run(["runs", "-S", "last fortnight"]),
      text`
        guild: invalid RANGE: unexpected 'fortnight' at position 5
        Try 'guild runs list --help' for help specifying time ranges.
        <exit 1>
      `,
    );
    assert.equal(await s.run(["runs", "-l", "x", "-U"]), "guild: --label and --unlabeled cannot both be used\n<exit 1>\n");
    assert.equal(await s.run(["runs", "-M", "-N"]), "guild: --marked and --unmarked cannot both be used\n<exit 1>\n");
  });

  test("runs info: a staged run (by index)", async () => {
    assert.equal(
      await info(["2"]),
      text`
        id: ~2~
        operation: train
        from: <tmp>/project/guild.yml
        status: staged
        started: <time>
        stopped: |
        marked: no
        label: code=3 optimizer=adam
        sourcecode_digest: <digest>
        vcs_commit: |
        run_dir: <tmp>/home/runs/~2~
        command: <python> -um guild.op_main exit -- --code 3 --optimizer adam
        exit_status: |
        pid: |
        flags:
          code: 3
          note: null
          optimizer: adam
        scalars:
      `,
    );
  });

  test("runs info: a completed run (by id prefix), with --env and --deps", async () => {
    const prefix = ids[5]?.slice(0, 5) ?? "?";
    const out = await info([prefix, "--env", "--deps"]);
    assert.equal(
      out.replace(/^environment:\n(?:  .*\n)*/m, (env) => (env.includes("  RUN_ID: ~6~\n") ? "environment: <env with RUN_ID>\n" : env)),
      text`
        id: ~6~
        operation: train
        from: <tmp>/project/guild.yml
        status: completed
        started: <time>
        stopped: <time>
        marked: no
        label: best
        sourcecode_digest: <digest>
        vcs_commit: |
        run_dir: <tmp>/home/runs/~6~
        command: <python> -um guild.op_main exit -- --code 0 --optimizer adam
        exit_status: 0
        pid: |
        flags:
          code: 0
          note: null
          optimizer: adam
        scalars:
        environment: <env with RUN_ID>
        dependencies:
      `,
    );
  });

  test("runs info: an error run, selected among filtered runs", async () => {
    const out = await info(["2", "--error"]);
    assert.match(out, /^id: ~7~\noperation: exit.py\nfrom: <tmp>\/project\nstatus: error\n/);
    assert.match(out, /\nexit_status: 1\npid: \nflags:\n  code: 1\nscalars:\n$/);
  });

  test("runs info: a batch run shows its proto's flags", async () => {
    const out = await info(["-o", "exit.py+"]);
    assert.match(out, /^id: ~5~\noperation: exit.py\+\nfrom: guildai\nstatus: completed\n/);
    assert.match(out, /\ncommand: <python> -um guild.batch_main\nexit_status: 0\npid: \nflags:\nproto-flags:\n  code:\n    - 0\n    - 2\nscalars:\n$/);
  });

  test("runs info: no match, several matches, nothing after filtering", async () => {
    assert.equal(
      await info(["zzz"]),
      text`
        guild: could not find a run matching 'zzz'
        Try 'guild runs list' for a list or 'guild runs info --help' for more information.
        <exit 1>
      `,
    );
    assert.equal(await info(["1:2"]), "'1:2' matches multiple runs:\n  ~1~\n  ~2~\n<exit 1>\n");
    assert.equal(await info(["-o", "nope"]), "guild: no matching runs\n<exit 1>\n");
  });

  test("runs list --json and runs info --json", async () => {
    const runs = JSON.parse((await guild(["runs", "--json", "-n", "1"], g)).stdout) as Record<string, unknown>[];
    assert.equal(runs.length, 7);
    const batch = runs[4] ?? {};
    assert.deepEqual(Object.keys(batch), [
      "id", "index", "operation", "from", "status", "started", "stopped", "label", "marked",
      "exit_status", "run_dir", "opref", "cmd", "sourcecode_digest", "batch_proto", "tags",
    ]);
    assert.equal(batch.index, 5);
    assert.equal(batch.operation, "exit.py+");
    assert.equal(batch.exit_status, 0);
    assert.equal(typeof batch.started, "number");
    assert.deepEqual((batch.batch_proto as Record<string, unknown>).flags, { code: [0, 2] });
    const staged = JSON.parse((await guild(["runs", "info", "--json", "2"], g)).stdout) as Record<string, unknown>;
    assert.equal(staged.id, runs[1]?.id);
    assert.equal(staged.status, "staged");
    assert.equal(staged.stopped, null);
    assert.deepEqual(staged.flags, { code: 3, note: null, optimizer: "adam" });
    assert.deepEqual(staged.attributes, {});
    assert.equal(staged.pid, null);
  });

  test("20 runs shown unless asked: the note, -m, -n, --all", async () => {
    // 22 copies of a completed run, a second apart, in a store of their own.
    const home = join(p.root, "home-many");
    const started = 1_600_000_000_000_000;
    for (let i = 0; i < 22; i++) {
      const id = `${String(i).padStart(2, "0")}${"a".repeat(30)}`;
      const dir = join(home, "runs", id);
      cpSync(join(p.home, "runs", ids[3] ?? ""), dir, { recursive: true });
      writeFileSync(join(dir, ".guild", "attrs", "started"), `${started + i * 1_000_000}\n`);
    }
    const many = { cwd: p.cwd, home };
    const lines = (out: string) => out.split("\n").length - 1;
    const listing = await guild(["runs"], many);
    assert.equal(lines(listing.stdout), 20);
    assert.match(listing.stdout, /^\[1:21aaaaaa\][^]*\n\[20:02aaaaaa\]/);
    assert.equal(listing.stderr, "Showing the first 20 runs (22 total) - use --all to show all or -m to show more\n");
    const more = await guild(["runs", "-m"], many);
    assert.equal(lines(more.stdout), 22);
    assert.equal(more.stderr, "");
    assert.equal(lines((await guild(["runs", "-n", "3"], many)).stdout), 3);
    const all = await guild(["runs", "--all"], many);
    assert.equal(lines(all.stdout), 22);
    assert.match(all.stdout, /\n\[22:00aaaaaa\]/);
  });
});
