// Python's "%f" (checked against CPython 3.11): ties round to even.
import { test } from "node:test";
import assert from "node:assert/strict";
import { pyFixed } from "../../../src/core/util/py-fixed.js";

test("pyFixed", () => {
  const cases: [number, string][] = [
    [0.0078125, "0.007812"],
    [0.0234375, "0.023438"],
    [-0.0078125, "-0.007812"],
    [0.5, "0.500000"],
    [1 / 3, "0.333333"],
    [0.8999999761581421, "0.900000"],
    [1.0000005, "1.000001"],
    [2.5e-7, "0.000000"],
    [1e22, "10000000000000000000000.000000"],
    [-0, "-0.000000"],
    [NaN, "nan"],
    [Infinity, "inf"],
    [-Infinity, "-inf"],
  ];
  for (const [x, want] of cases) assert.equal(pyFixed(x), want, String(x));
});
