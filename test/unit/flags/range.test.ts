// A flag def's min/max (spec §4.4): Guild's "out of range" reasons.
import { test } from "node:test";
import assert from "node:assert/strict";
import { rangeProblem } from "../../../src/core/flags/range.js";
import { float, type FlagValue } from "../../../src/core/flags/value.js";
import type { FlagDef } from "../../../src/core/guildfile/types.js";

const def = (min?: FlagValue, max?: FlagValue): FlagDef => ({ name: "x", min, max });

const CASES: [FlagValue, FlagDef | undefined, string | undefined][] = [
  [0, def(0), undefined],
  [-1, def(0), "out of range (less than min 0)"],
  [float(-0.5), def(0), "out of range (less than min 0)"],
  [11, def(0, 10), "out of range (greater than max 10)"],
  [10, def(0, 10), undefined],
  [float(1.5), def(undefined, float(1.0)), "out of range (greater than max 1.0)"],
  [[1, 2, -3], def(0), "out of range (less than min 0)"],
  [[1, 2], def(0), undefined],
  ["abc", def(0), undefined],
  [null, def(0), undefined],
  [-1, def(), undefined],
  [-1, undefined, undefined],
];
for (const [value, flagDef, want] of CASES) {
  test(`${JSON.stringify(value)} against ${JSON.stringify(flagDef && { min: flagDef.min, max: flagDef.max })}`, () =>
    assert.equal(rangeProblem(value, flagDef), want));
}
