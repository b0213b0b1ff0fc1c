// guild compare's table (compare_impl at 93926134): columns, merging, sorting.
import { test } from "node:test";
import assert from "node:assert/strict";
import { compareTable, type RunFacts } from "../../../src/core/compare/compare-table.js";
import { duration } from "../../../src/core/compare/compare-runs.js";
import { formatCell, formatCompareCsv, formatCompareTable, shortestFloat32 } from "../../../src/commands/compare-output.js";
import { float, type FlagMap } from "../../../src/core/flags/value.js";
import type { ScalarSummary } from "../../../src/core/scalars/run-scalars.js";

function scalar(tag: string, value: number, step: number, prefix = ".guild"): ScalarSummary {
  const p = { value, step };
  return { prefix, tag, key: tag, first: p, last: p, min: p, max: p, avg: value, total: value, count: 1 };
}

function run(id: string, flags: FlagMap, scalars: ScalarSummary[] = [], extra: Partial<RunFacts> = {}): RunFacts {
  return { id: id.padEnd(32, "0"), dir: "/x", opDesc: "op", started: "s", time: "0:00:01", status: "completed", label: null, marked: false, flags, scalars, attr: () => undefined, ...extra };
}

const A = run("aaaaaaaa", { lr: float(0.1), b: 1 }, [scalar("loss", 0.5, 3), scalar("acc", 0.9, 4)]);
const B = run("bbbbbbbb", { lr: float(0.2), c: "x" }, [scalar("loss", 0.25, 2), scalar("sys/cpu", 1, 0)]);
const C = run("cccccccc", {});

test("header: core columns, then each run's flags (sorted), step and tags in first-seen order", () => {
  assert.deepEqual(compareTable([A, B, C], { allScalars: false }).header, ["run", "operation", "started", "time", "status", "label", "b", "lr", "step", "acc", "loss", "c"]);
  assert.deepEqual(compareTable([B], { allScalars: true }).header.slice(6), ["c", "lr", "step", "loss", "sys/cpu"]);
  assert.deepEqual(compareTable([A], { allScalars: false, skipCore: true, skipOpCols: true }).header, ["run"]);
});

test("step is the step of loss, else of the first tag", () => {
  const t = compareTable([A, run("dddddddd", {}, [scalar("acc", 1, 7), scalar("z", 1, 9)])], { allScalars: false });
  const step = t.header.indexOf("step");
  assert.deepEqual(t.rows.map((r) => r.values[step]), [3, 7]);
});

test("a later section's value wins a shared name; empty values do not", () => {
  const withStatusFlag = run("eeeeeeee", { status: "mine", label: null });
  const t = compareTable([withStatusFlag], { allScalars: false });
  assert.equal(t.rows[0]?.values[t.header.indexOf("status")], "mine");
  assert.equal(t.rows[0]?.values[t.header.indexOf("label")], null);
});

const order = (opts: object) => compareTable([A, B, C], { allScalars: false, ...opts }).rows.map((r) => r.run.id.slice(0, 1)).join("");
test("--min / --max: empty values last either way; stable; --limit after sorting", () => {
  const cases: [object, string][] = [
    [{}, "abc"],
    [{ minCol: "loss" }, "bac"],
    [{ maxCol: "loss" }, "abc"],
    [{ minCol: "lr" }, "abc"],
    [{ maxCol: "lr" }, "bac"],
    [{ maxCol: "c" }, "bac"],
    [{ minCol: "run" }, "abc"],
    [{ maxCol: "run" }, "cba"],
    [{ minCol: "nope" }, "abc"],
    [{ maxCol: "loss", limit: 1 }, "a"],
  ];
  for (const [opts, want] of cases) assert.equal(order(opts), want, JSON.stringify(opts));
});

test("cells: floats cut (not rounded) to 6 decimals, yes/no, Python str, empty", () => {
  const cases: [Parameters<typeof formatCell>[0], string][] = [
    [float(Math.fround(0.9)), "0.899999"],
    [float(0.75), "0.75"],
    [float(1e-5), "1.0e-05"],
    [float(1 / 3), "0.333333"],
    [float(3), "3.0"],
    [3, "3"],
    [true, "yes"],
    [false, "no"],
    [null, ""],
    ["a b", "a b"],
    [[1, "a"], "[1, 'a']"],
  ];
  for (const [v, want] of cases) assert.equal(formatCell(v), want, JSON.stringify(v));
});

test("table and CSV text", () => {
  const t = compareTable([A, C], { allScalars: false, skipCore: true });
  assert.deepEqual(formatCompareTable(t), [
    "run       b  lr   step  acc  loss",
    "aaaaaaaa  1  0.1  3     0.9  0.5",
    `cccccccc${" ".repeat(21)}`,
  ]);
  const csvRun = run("ffffffff", { s: 'say "hi", then go', t: true }, [scalar("loss", Math.fround(0.1), 1)]);
  assert.equal(
    formatCompareCsv(compareTable([csvRun], { allScalars: false, skipCore: true })),
    'run,s,t,step,loss\nffffffff,"say ""hi"", then go",True,1,0.10000000149011612\n',
  );
  assert.equal(formatCompareCsv(compareTable([], { allScalars: false })), "");
});

test("shortestFloat32", () => {
  const cases: [number, number | null][] = [[Math.fround(0.1), 0.1], [Math.fround(1 / 3), 0.33333334], [0.5, 0.5], [0.1, 0.1], [NaN, null]];
  for (const [x, want] of cases) assert.equal(shortestFloat32(x), want);
});

test("duration: H:MM:SS from started to stopped, to now while running", () => {
  const cases: [string, unknown, unknown, string | null][] = [
    ["completed", 0, 61_999_999, "0:01:01"],
    ["completed", 0, 3_600_000_000 * 2 + 5_000_000, "2:00:05"],
    ["running", 0, undefined, "0:00:10"],
    ["error", 0, undefined, null],
    ["staged", undefined, undefined, null],
  ];
  for (const [status, started, stopped, want] of cases) assert.equal(duration(status, started, stopped, 10_000_000), want);
});
