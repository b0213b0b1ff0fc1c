// `${name}` references as Guild's util.resolve_refs (93926134) resolves
// them; the expected values are its answers for the same values.
import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { float, type FlagValue } from "../../../src/core/flags/value.js";
import { ReferenceCycleError, resolveRefs, UndefinedReferenceError } from "../../../src/core/util/resolve-refs.js";

const VALUES = new Map<string, FlagValue>([
  ["a", 1],
  ["f", float(1.5)],
  ["s", "x y"],
  ["n", null],
  ["l", [1, 2]],
  ["m", { b: 1 }],
  ["t", true],
  ["r", "${a}"],
  ["c1", "${c2}"],
  ["c2", "${c1}"],
]);

describe("resolveRefs", () => {
  const CASES: [FlagValue, FlagValue][] = [
    ["${a}", 1],
    ["${f}", float(1.5)],
    ["x${a}", "x1"],
    ["${s}", "x y"],
    ["${n}", null],
    ["x${n}", "xnull"],
    ["x${l}", "x- 1\n- 2"],
    ["${m}", { b: 1 }],
    ["x${m}", "xb: 1"],
    ["x${t}", "xtrue"],
    ["${r}", 1],
    ["x${r}", "x1"],
    ["\\${a}", "${a}"],
    ["${a}${a}", "11"],
    ["a${a}b${f}c", "a1b1.5c"],
    ["", ""],
    ["plain", "plain"],
    ["$ {a}", "$ {a}"],
    [5, 5],
    [null, null],
  ];
  for (const [value, want] of CASES) test(JSON.stringify(value), () => assert.deepEqual(resolveRefs(value, VALUES), want));

  test("an undefined name", () =>
    assert.throws(() => resolveRefs("x${nope}", VALUES), (e: unknown) => e instanceof UndefinedReferenceError && e.reference === "nope"));
  test("${} is a reference to ''", () =>
    assert.throws(() => resolveRefs("${}", VALUES), (e: unknown) => e instanceof UndefinedReferenceError && e.reference === ""));
  test("a cycle", () =>
    assert.throws(() => resolveRefs("${c1}", VALUES), (e: unknown) => e instanceof ReferenceCycleError && e.names.join() === "c1,c2,c1"));
});
