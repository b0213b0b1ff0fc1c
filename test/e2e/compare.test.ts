/**
 * Output scalars seen through `guild compare`, `cat --output` and `ls`, on a
 * sweep of a script that prints `step:` and `loss:` lines (spec §10). Scalar
 * values are the float32 values the event files hold, as in Guild: the table
 * cuts them to 6 decimals, CSV gives Python's repr of them.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { guild } from "../helpers/guild-cli.js";
import { tempProject, type TempProject } from "../helpers/temp-project.js";
import { session, text, type Session } from "../helpers/transcript.js";

/** Run durations vary with machine load. */
const dur = (s: string) => s.replace(/\b\d+:\d\d:\d\d\b/g, "<dur>");

describe("guild compare on a sweep", () => {
  let p: TempProject;
  let s: Session;
  before(async () => {
    p = tempProject("fixtures/projects/scalars");
    s = session({ cwd: p.cwd, home: p.home }, [p.root]);
    // Trials ~1~ x=0.5, ~2~ x=1.0, ~3~ x=1.5; then a run without scalars.
    await s.run(["run", "train.py", "x=[0.5,1.0,1.5]", "-y"]);
    await s.run(["run", "quiet", "-y"]);
  });
  after(() => p.cleanup());

  test("-t: Guild's columns, newest first, the batch left out", async () => {
    assert.equal(
      dur(await s.run(["compare", "-t"])),
      text`
        run       operation  started              time     status     label           epochs  x    step  acc       loss
        ~4~  quiet      <time>  <dur>  completed                                               |
        ~3~  train.py   <time>  <dur>  completed  epochs=3 x=1.5  3       1.5  3     0.966666  0.083333
        ~2~  train.py   <time>  <dur>  completed  epochs=3 x=1.0  3       1.0  3     0.966666  0.333333
        ~1~  train.py   <time>  <dur>  completed  epochs=3 x=0.5  3       0.5  3     0.966666  0.75
      `,
    );
  });

  test("--min/--max order by a scalar, runs without it last", async () => {
    const order = async (args: string[]) =>
      (await s.run(["compare", "-t", ...args])).split("\n").slice(1, -1).map((l) => l.split(/\s+/)[0]).join(" ");
    assert.equal(await order(["--min", "loss"]), "~3~ ~2~ ~1~ ~4~");
    assert.equal(await order(["--max", "loss"]), "~1~ ~2~ ~3~ ~4~");
    assert.equal(await order(["--max", "x"]), "~3~ ~2~ ~1~ ~4~");
    assert.equal(await order(["--max", "loss", "-n", "2"]), "~1~ ~2~");
    assert.equal(await order(["--min", "loss", "1", "3"]), "~2~ ~4~");
  });

  test("--csv -: raw values", async () => {
    assert.equal(
      dur(await s.run(["compare", "--csv", "-", "--max", "loss"])),
      text`
        run,operation,started,time,status,label,epochs,x,step,acc,loss
        ~1~,train.py,<time>,<dur>,completed,epochs=3 x=0.5,3,0.5,3,0.9666666388511658,0.75
        ~2~,train.py,<time>,<dur>,completed,epochs=3 x=1.0,3,1.0,3,0.9666666388511658,0.3333333432674408
        ~3~,train.py,<time>,<dur>,completed,epochs=3 x=1.5,3,1.5,3,0.9666666388511658,0.0833333358168602
        ~4~,quiet,<time>,<dur>,completed,,,,,,
      `,
    );
  });

  test("--csv PATH writes the file", async () => {
    assert.equal(await s.run(["compare", "--csv", "out/cmp.csv", "1:2"]), "Wrote 2 row(s) to out/cmp.csv\n");
    const csv = readFileSync(join(p.cwd, "out", "cmp.csv"), "utf8");
    assert.equal(csv.split("\n")[0], "run,operation,started,time,status,label,epochs,x,step,acc,loss");
    assert.equal(csv.split("\n").length, 4);
  });

  test("--json: one object per run, scalars as the script printed them", async () => {
    const { stdout, exitCode } = await guild(["compare", "--json", "--min", "loss"], { cwd: p.cwd, home: p.home });
    assert.equal(exitCode, 0);
    const rows = JSON.parse(stdout) as Record<string, unknown>[];
    const printed = (x: number) => ({ loss: (x - 2) ** 2 / 3, acc: 1 - 0.1 / 3 });
    assert.deepEqual(
      rows.map((r) => [r.operation, r.x, r.epochs, r.step, r.status]),
      [["train.py", 1.5, 3, 3, "completed"], ["train.py", 1, 3, 3, "completed"], ["train.py", 0.5, 3, 3, "completed"], ["quiet", null, null, null, "completed"]],
    );
    for (const r of rows.slice(0, 3)) {
      const want = printed(r.x as number);
      assert.equal(Math.fround(r.loss as number), Math.fround(want.loss));
      assert.equal(Math.fround(r.acc as number), Math.fround(want.acc));
      assert.match(r.id as string, /^[0-9a-f]{32}$/);
    }
    assert.equal(rows[0]?.loss, 0.083333336);
  });

  // Guild reads a run's events from every directory under it, following links
  // that are runs: a batch also shows its trials' scalars, keyed `<id>/.guild#tag`.
  test("--include-batch: the batch logs no scalars of its own (Guild's logs its trials' output); its trials' show through their links", async () => {
    const out = dur(await s.run(["compare", "-t", "--include-batch", "-p"]));
    assert.equal(
      out,
      text`
        run       operation  started              time     status     label
        ~4~  quiet      <time>  <dur>  completed  |
        ~3~  train.py   <time>  <dur>  completed  epochs=3 x=1.5
        ~2~  train.py   <time>  <dur>  completed  epochs=3 x=1.0
        ~1~  train.py   <time>  <dur>  completed  epochs=3 x=0.5
        ~5~  train.py+  <time>  <dur>  completed  |
      `,
    );
    // Trial links are walked in id order, which varies: compare sorted lines.
    const lines = (await s.run(["compare", "--print-scalars", "--include-batch", "5"])).split("\n");
    assert.deepEqual(lines.slice(0, 1), ["[~5~] train.py+"]);
    assert.deepEqual(lines.slice(1).sort(), [
      "",
      "  ~1~/.guild#acc: 0.966667 (step 3)",
      "  ~1~/.guild#loss: 0.750000 (step 3)",
      "  ~2~/.guild#acc: 0.966667 (step 3)",
      "  ~2~/.guild#loss: 0.333333 (step 3)",
      "  ~3~/.guild#acc: 0.966667 (step 3)",
      "  ~3~/.guild#loss: 0.083333 (step 3)",
    ]);
  });

  test("cat --output shows what the run printed; ls lists its files", async () => {
    assert.equal(
      await s.run(["cat", "--output", "4"]),
      text`
        x: 0.5
        step: 1
        loss: 2.25
        acc: 0.9
        step: 2
        loss: 1.125
        acc: 0.95
        step: 3
        loss: 0.75
        acc: 0.9666666666666667
      `,
    );
    assert.equal(await s.run(["cat", "-s", "-p", "train.py", "2"]), readFileSync(join(p.cwd, "train.py"), "utf8"));
    const ls = await s.run(["ls", "-n", "-a", "2"]);
    assert.match(ls, /^\.guild\/events\.out\.tfevents\.\d{10}\.[^\n]+\.\d+\.\d+$/m);
    assert.match(ls, /^\.guild\/output\n\.guild\/output\.index$/m);
    assert.equal(
      await s.run(["ls", "2", "-s"]),
      text`
        <tmp>/home/runs/~3~:
          .guild/sourcecode/
          .guild/sourcecode/guild.yml
          .guild/sourcecode/metrics.py
          .guild/sourcecode/train.py
      `,
    );
    assert.equal(await s.run(["ls", "-n", "-p", "*.py", "-s", "2"]), ".guild/sourcecode/metrics.py\n.guild/sourcecode/train.py\n");
  });

  const ERRORS: [string[], string][] = [
    [["compare", "-t", "--csv", "-"], "guild: --table and --csv cannot both be specified\nTry 'guild compare --help' for more information.\n<exit 1>\n"],
    [["compare", "--min", "nope"], "guild: no column 'nope' to sort by\nColumns: run, operation, started, time, status, label, epochs, x, step, acc, loss\n<exit 1>\n"],
    [["cat"], "guild: -p / --path is required unless --output is specified\n<exit 1>\n"],
    [["cat", "-p", "/etc/hosts"], "guild: PATH must be relative\nTry 'guild cat --help' for more information.\n<exit 1>\n"],
    [["cat", "--output", "zzz"], "guild: could not find a run matching 'zzz'\nTry 'guild runs list' for a list or 'guild cat --help' for more information.\n<exit 1>\n"],
    [["cat", "--output", "--running"], "guild: no matching runs\n<exit 1>\n"],
    [["ls", "1:2"], "'1:2' matches multiple runs:\n  ~4~\n  ~3~\n<exit 1>\n"],
  ];
  for (const [args, want] of ERRORS) {
    test(`error: guild ${args.join(" ")}`, async () => assert.equal(await s.run(args), want));
  }

  // Last: runs info prints 32-hex digests, which the id normaliser numbers.
  test("runs info shows each scalar's last value and step", async () => {
    const info = await s.run(["runs", "info", "--operation", "train.py", "--label", "x=1.0"]);
    assert.equal(info.slice(info.indexOf("scalars:")), "scalars:\n  acc: 0.966667 (step 3)\n  loss: 0.333333 (step 3)\n");
    const json = JSON.parse((await guild(["runs", "info", "--json", "-l", "x=1.5"], { cwd: p.cwd, home: p.home })).stdout) as {
      scalars: Record<string, [number, number]>;
    };
    assert.deepEqual(Object.keys(json.scalars), ["acc", "loss"]);
    assert.equal(json.scalars.loss?.[1], 3);
    assert.ok(Math.abs((json.scalars.loss?.[0] ?? 0) - 0.0833333) < 1e-6);
  });
});
