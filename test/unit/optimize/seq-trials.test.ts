// Sequential search, pure (issue 15): random starts, the first trial's
// initial value, trials from another space left out, each optimizer
// repeating itself from a seed, and the unit-cube coding of dimensions.
import { test } from "node:test";
import assert from "node:assert/strict";
import { plain } from "../../helpers/plain.js";
import { flagDims } from "../../../src/core/batch/search-space.js";
import { nextTrial, type Observation, type SeqSearch } from "../../../src/core/batch/seq-trials.js";
import { decodeValue, encodeValue } from "../../../src/core/batch/unit-space.js";
import { parseObjective, formatObjective } from "../../../src/core/batch/objective.js";
import type { ModelOptimizerName } from "../../../src/core/batch/optimizer-flags.js";
import { float, isFloat, type FlagMap } from "../../../src/core/flags/value.js";
import { seededRandom } from "../../../src/core/util/seeded-random.js";

const FLAGS: FlagMap = { x: "[0.0:1.0]", n: "[1:4]", act: ["relu", "tanh"], fixed: 7 };

function search(optimizer: ModelOptimizerName, seed: number, flags: FlagMap = FLAGS): SeqSearch {
  return {
    optimizer,
    dims: flagDims(flags),
    protoFlags: flags,
    settings: { randomStarts: 2, acqFunc: "gp_hedge", kappa: 1.96, xi: 0.05, noise: "gaussian" },
    rng: seededRandom(seed),
  };
}

const num = (v: unknown) => (isFloat(v) ? v.value : (v as number));
const score = (f: FlagMap) => (num(f.x) - 0.3) ** 2 + num(f.n) / 10 + (f.act === "relu" ? 0 : 0.5);

function sweep(optimizer: ModelOptimizerName, seed: number, count: number): FlagMap[] {
  const s = search(optimizer, seed);
  const obs: Observation[] = [];
  for (let i = 0; i < count; i++) {
    const { flags } = nextTrial(s, obs, i);
    obs.push({ flags, value: score(flags) });
  }
  return obs.map((o) => o.flags);
}

test("random starts first, then the model; searched flags drawn, others kept", () => {
  const s = search("gp", 1);
  const first = nextTrial(s, [], 0);
  assert.equal(first.randomStart, true);
  assert.equal(first.flags.fixed, 7);
  assert.ok(first.flags.act === "relu" || first.flags.act === "tanh");
  assert.ok(Number.isInteger(first.flags.n));
  assert.ok(isFloat(first.flags.x));
  const obs: Observation[] = [0, 1, 2].map((i) => ({ flags: { x: float(i / 3), n: i + 1, act: "relu", fixed: 7 }, value: i }));
  assert.equal(nextTrial(s, obs, 1).randomStart, true, "still within random-starts");
  const modelled = nextTrial(s, obs, 2);
  assert.deepEqual([modelled.randomStart, modelled.used], [false, 3]);
});

test("the first trial takes a range's initial value", () => {
  const s = search("tpe", 1, { x: "[0.0:1.0:0.25]" });
  assert.deepEqual(plain(nextTrial(s, [], 0).flags), { x: float(0.25) });
});

test("observations outside the space are left out", () => {
  const s = search("forest", 1);
  const outside: Observation[] = [{ flags: { x: float(5), n: 1, act: "relu" }, value: 0 }, { flags: { x: float(0.5), n: 1, act: "gelu" }, value: 0 }];
  assert.deepEqual([nextTrial(s, outside, 5).randomStart, nextTrial(s, outside, 5).used], [true, 0]);
});

test("each optimizer repeats a search from its seed", () => {
  for (const optimizer of ["gp", "forest", "gbrt", "tpe"] as const) {
    const a = sweep(optimizer, 5, 5);
    assert.deepEqual(sweep(optimizer, 5, 5), a, optimizer);
    assert.notDeepEqual(sweep(optimizer, 6, 5), a, `${optimizer}: another seed, another search`);
  }
});

test("dimensions in the unit cube and back", () => {
  const [act, n, x] = flagDims({ x: "loguniform[0.001:1.0]", n: "[1:4]", act: ["a", "b", "c"] }).map((d) => d.dim);
  assert.ok(act && n && x);
  assert.deepEqual([0, 0.34, 0.99].map((u) => decodeValue(act, u)), ["a", "b", "c"]);
  assert.deepEqual([0, 0.26, 0.5, 1].map((u) => decodeValue(n, u)), [1, 2, 3, 4]);
  for (const v of [1, 2, 3, 4]) assert.equal(decodeValue(n, encodeValue(n, v) as number), v);
  for (const v of [0.001, 0.03, 1]) assert.ok(Math.abs(num(decodeValue(x, encodeValue(x, float(v)) as number)) - v) < 1e-12);
  assert.ok(Math.abs((encodeValue(x, float(Math.sqrt(0.001))) as number) - 0.5) < 1e-12, "log scale: the geometric middle is 0.5");
  assert.deepEqual([encodeValue(n, 9), encodeValue(act, "z"), encodeValue(x, "abc")], [undefined, undefined, undefined]);
});

test("objectives as Guild writes them", () => {
  const cases: [string, string, string, boolean, string][] = [
    ["loss", "loss", "last", false, "loss"],
    ["-acc", "acc", "last", true, "acc (maximized)"],
    ["min loss", "loss", "min", false, "min loss"],
    ["-max val#acc", "val#acc", "max", true, "max val#acc (maximized)"],
  ];
  for (const [attr, scalar, qualifier, maximize, shown] of cases) {
    const o = parseObjective(attr);
    assert.deepEqual([o.scalar, o.qualifier, o.maximize, formatObjective(o)], [scalar, qualifier, maximize, shown], attr);
  }
});
