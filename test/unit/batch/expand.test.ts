// Grid expansion (spec §5.3): flags sorted by name, first name varies
// slowest, values in list order; non-list values repeat in every trial.
import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { expandGrid } from "../../../src/core/batch/expand.js";
import { float, type FlagMap } from "../../../src/core/flags/value.js";

describe("expandGrid", () => {
  const CASES: [string, FlagMap, FlagMap[]][] = [
    ["no flags: one trial", {}, [{}]],
    ["scalars only: one trial", { msg: "hi", loud: false }, [{ loud: false, msg: "hi" }]],
    ["one list", { msg: ["a", "b", "c"] }, [{ msg: "a" }, { msg: "b" }, { msg: "c" }]],
    ["values keep list order", { msg: ["c", "a", "b"] }, [{ msg: "c" }, { msg: "a" }, { msg: "b" }]],
    [
      "spec example msg=[b,a] loud=[no,yes]",
      { msg: ["b", "a"], loud: [false, true] },
      [
        { loud: false, msg: "b" },
        { loud: false, msg: "a" },
        { loud: true, msg: "b" },
        { loud: true, msg: "a" },
      ],
    ],
    [
      "sorted by name, not by insertion",
      { z: [1, 2], a: [3, 4] },
      [
        { a: 3, z: 1 },
        { a: 3, z: 2 },
        { a: 4, z: 1 },
        { a: 4, z: 2 },
      ],
    ],
    [
      "upper case sorts before lower case (code points)",
      { b: [1, 2], B: [3, 4] },
      [
        { B: 3, b: 1 },
        { B: 3, b: 2 },
        { B: 4, b: 1 },
        { B: 4, b: 2 },
      ],
    ],
    [
      "scalar between lists",
      { a: [1, 2], m: "x", z: [float(0.1), float(0.2)] },
      [
        { a: 1, m: "x", z: float(0.1) },
        { a: 1, m: "x", z: float(0.2) },
        { a: 2, m: "x", z: float(0.1) },
        { a: 2, m: "x", z: float(0.2) },
      ],
    ],
    ["an empty list gives no trials", { a: [], b: [1, 2] }, []],
    ["nested lists are values", { a: [[1, 2], [3]] }, [{ a: [1, 2] }, { a: [3] }]],
    ["null stays a value", { a: [null, 1], b: null }, [{ a: null, b: null }, { a: 1, b: null }]],
    ["maps are scalars", { m: { x: [1, 2] } }, [{ m: { x: [1, 2] } }]],
    ["function strings are scalars", { lr: "[1:10]" }, [{ lr: "[1:10]" }]],
    ["duplicates are kept", { a: [1, 1] }, [{ a: 1 }, { a: 1 }]],
  ];
  for (const [name, flags, want] of CASES) test(name, () => assert.deepEqual(expandGrid(flags), want));

  test("three flags: 2 x 3 x 2 = 12 trials, row-major", () => {
    const trials = expandGrid({ c: [1, 2], a: ["x", "y", "z"], b: [true, false] });
    assert.equal(trials.length, 12);
    assert.deepEqual(
      trials.map((t) => `${String(t.a)}${String(t.b)[0]}${String(t.c)}`),
      ["xt1", "xt2", "xf1", "xf2", "yt1", "yt2", "yf1", "yf2", "zt1", "zt2", "zf1", "zf2"],
    );
  });

  test("keys of each trial are sorted", () => {
    assert.deepEqual(Object.keys(expandGrid({ z: 1, a: [1], m: 2 })[0] ?? {}), ["a", "m", "z"]);
  });

  test("does not modify its input", () => {
    const flags: FlagMap = { a: [1, 2], b: "x" };
    expandGrid(flags);
    assert.deepEqual(flags, { a: [1, 2], b: "x" });
  });
});
