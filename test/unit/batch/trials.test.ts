// Batch trials (spec §5.3, §5.6): grid expansion with batch-file trials,
// --max-trials sampling, and random search drawn from a seed.
import { test } from "node:test";
import assert from "node:assert/strict";
import { plain } from "../../helpers/plain.js";
import { isGuildError } from "../../../src/core/errors.js";
import { batchTrials, checkBatchFlags, gridTrials, type BatchSpec } from "../../../src/core/batch/trials.js";
import { flagDims } from "../../../src/core/batch/search-space.js";
import { float, isFloat, type FlagMap } from "../../../src/core/flags/value.js";
import { sampleIndices, seededRandom } from "../../../src/core/util/seeded-random.js";

const f = float;
const grid = (flags: FlagMap, extra: Partial<BatchSpec> = {}) =>
  plain(batchTrials({ optimizer: "+", flags, userFlags: {}, randomSeed: 1, ...extra }));
const random = (flags: FlagMap, extra: Partial<BatchSpec> = {}) =>
  batchTrials({ optimizer: "random", flags, userFlags: {}, randomSeed: 42, ...extra });

function error(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (isGuildError(e)) return e.message;
    throw e;
  }
  return "no error";
}

test("grid: names sorted, first varies slowest, values in list order", () => {
  assert.deepEqual(grid({ msg: ["b", "a"], loud: [false, true] }), [
    { loud: false, msg: "b" },
    { loud: false, msg: "a" },
    { loud: true, msg: "b" },
    { loud: true, msg: "a" },
  ]);
  assert.deepEqual(grid({ msg: ["c", "a", "b"], n: 1 }), [{ msg: "c", n: 1 }, { msg: "a", n: 1 }, { msg: "b", n: 1 }]);
  assert.deepEqual(grid({ x: [] }), []);
});

test("grid with batch-file trials: defaults <- trial <- command line, each expanded", () => {
  const spec = {
    flags: { lr: f(0.1), bs: 8, loud: [true, false] },
    userFlags: { loud: [true, false] },
    trials: [{ lr: f(0.2) }, { lr: f(0.3), bs: 16, loud: true }] as FlagMap[],
  };
  assert.deepEqual(grid(spec.flags, spec), [
    { bs: 8, loud: true, lr: f(0.2) },
    { bs: 8, loud: false, lr: f(0.2) },
    { bs: 16, loud: true, lr: f(0.3) },
    { bs: 16, loud: false, lr: f(0.3) },
  ]);
});

test("--max-trials on a grid: a seeded subset, in grid order", () => {
  const flags = { x: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] };
  const a = grid(flags, { maxTrials: 4, randomSeed: 7 });
  assert.equal(a.length, 4);
  const xs = a.map((t) => t.x as number);
  assert.deepEqual(xs, [...xs].sort((p, q) => p - q));
  assert.deepEqual(grid(flags, { maxTrials: 4, randomSeed: 7 }), a);
  assert.notDeepEqual(grid(flags, { maxTrials: 4, randomSeed: 8 }), a);
  assert.equal(grid(flags, { maxTrials: 20 }).length, 10);
  assert.equal(gridTrials({ optimizer: "+", flags, userFlags: {}, maxTrials: 4, randomSeed: 1 }).length, 10);
});

test("random: max_trials trials (20 by default), the same for a seed", () => {
  const flags = { lr: "loguniform[1e-4:1e-1]", bs: [16, 32, 64], n: "[1:5]", r: "uniform[0.0:1]", b: "uniform[0:1]", fixed: "x" };
  const a = random(flags);
  assert.equal(a.length, 20);
  assert.deepEqual(random(flags), a);
  assert.notDeepEqual(random(flags, { randomSeed: 43 }), a);
  assert.equal(random(flags, { maxTrials: 3 }).length, 3);
  assert.deepEqual(random(flags, { maxTrials: 3 }), a.slice(0, 3));
  for (const t of a) {
    assert.ok(isFloat(t.lr) && t.lr.value >= 1e-4 && t.lr.value <= 0.1, `lr ${String(t.lr)}`);
    assert.ok([16, 32, 64].includes(t.bs as number));
    assert.ok(Number.isInteger(t.n) && (t.n as number) >= 1 && (t.n as number) <= 5);
    assert.ok(isFloat(t.r) && t.r.value >= 0 && t.r.value < 1);
    assert.ok(t.b === 0 || t.b === 1, "int bounds make an int range");
    assert.equal(t.fixed, "x");
  }
  assert.equal(new Set(a.map((t) => t.n)).size, 5, "every int in [1:5] is drawn in 20 trials");
});

test("random: a third arg is the first trial's value", () => {
  const trials = random({ x: "[1:100:50]", y: "uniform[0.0:1.0:0.5]" }, { maxTrials: 3 });
  assert.deepEqual([trials[0]?.x, trials[0]?.y], [50, f(0.5)]);
});

test("random search dimensions", () => {
  assert.deepEqual(flagDims({ a: [1, 2], b: "[1:3]", c: "[0.5:1]", d: "loguniform[1:10]", f: 1, g: "abc" }), [
    { name: "a", dim: { kind: "categorical", values: [1, 2] } },
    { name: "b", dim: { kind: "int", low: 1, high: 3 } },
    { name: "c", dim: { kind: "real", low: 0.5, high: 1, log: false } },
    { name: "d", dim: { kind: "real", low: 1, high: 10, log: true } },
  ]);
});

test("random search errors, as Guild's batch logs them", () => {
  const cases: [FlagMap, string][] = [
    [{ x: 1, y: null }, "ERROR: [guild] flags for batch (x=1, y=null) do not contain any search dimensions\nTry specifying a range for one or more flags as NAME=[MIN:MAX]."],
    [{ x: "foo[1:2]" }, "ERROR: [guild] unknown function 'foo' used for flag x"],
    [{ x: "uniform[1:2:3:4]" }, "ERROR: [guild] uniform requires 2 or 3 args, got [1, 2, 3, 4] for flag x"],
    [{ x: "[5:1]" }, "ERROR: [guild] invalid search dimension for flag x: the lower bound 5 has to be less than the upper bound 1"],
    [{ x: "loguniform[0:1]" }, "ERROR: [guild] invalid search dimension for flag x: loguniform bounds must be greater than 0"],
    [{ x: "loguniform[a:b]" }, "ERROR: [guild] invalid search dimension for flag x: expected a number, got a"],
    // Ranges whose bounds are not numbers are refused, not drawn as a choice (issue 14).
    [{ x: "[0.1:abc]" }, "ERROR: [guild] invalid search dimension for flag x: expected a number, got abc"],
    [{ x: "uniform[abc:def]" }, "ERROR: [guild] invalid search dimension for flag x: expected a number, got abc"],
    [{ x: "[1:abc]" }, "ERROR: [guild] invalid search dimension for flag x: expected a number, got abc"],
    [{ x: "[yes:no]" }, "ERROR: [guild] invalid search dimension for flag x: expected a number, got True"],
    [{ x: "[1:5:abc]" }, "ERROR: [guild] invalid search dimension for flag x: expected a number, got abc"],
    [{ x: "[1:5:9]" }, "ERROR: [guild] invalid search dimension for flag x: the initial value 9 is outside 1..5"],
  ];
  for (const [flags, expected] of cases) assert.equal(error(() => random(flags)), expected, JSON.stringify(flags));
});

test("a batch's flags are checked before anything is created", () => {
  assert.equal(error(() => checkBatchFlags("random", { x: 1 })), "ERROR: [guild] flags for batch (x=1) do not contain any search dimensions\nTry specifying a range for one or more flags as NAME=[MIN:MAX].");
  assert.equal(error(() => checkBatchFlags("+", { x: ["a", "foo[1:2]"] })), "ERROR: [guild] unknown function 'foo' used for flag x");
  assert.equal(error(() => checkBatchFlags("+", { x: ["a", "b"], y: "[1:2]" })), "no error");
  assert.equal(error(() => checkBatchFlags("random", { y: "[1:2]" })), "no error");
});

test("flag functions in an explicit grid are drawn per trial", () => {
  const trials = grid({ a: [1, 2], x: "[1:1000]" }, { randomSeed: 3 });
  assert.equal(trials.length, 2);
  for (const t of trials) assert.ok(Number.isInteger(t.x));
  assert.deepEqual(grid({ a: [1, 2], x: "[1:1000]" }, { randomSeed: 3 }), trials);
});

test("seeded generator: stable, uniform-looking, distinct samples", () => {
  const r1 = seededRandom(42);
  const r2 = seededRandom(42);
  const xs = Array.from({ length: 1000 }, () => r1());
  assert.deepEqual(Array.from({ length: 1000 }, () => r2()), xs);
  assert.ok(xs.every((x) => x >= 0 && x < 1));
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  assert.ok(Math.abs(mean - 0.5) < 0.05, `mean ${mean}`);
  assert.notEqual(seededRandom(2 ** 32)(), seededRandom(0)());
  const picked = sampleIndices(seededRandom(1), 10, 4);
  assert.equal(new Set(picked).size, 4);
  assert.deepEqual(picked, [...picked].sort((a, b) => a - b));
});
