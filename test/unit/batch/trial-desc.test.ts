// Trial descriptions in batch log lines (spec §5.4):
// `INFO: [guild] Running trial <id>: say.py (loud=no, msg=a)`.
import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { trialDesc, trialFlagsDesc } from "../../../src/core/batch/trial-desc.js";
import { float, type FlagMap } from "../../../src/core/flags/value.js";

describe("trialFlagsDesc", () => {
  const CASES: [FlagMap, string][] = [
    [{}, ""],
    [{ msg: "a", loud: false }, "loud=no, msg=a"],
    [{ loud: true }, "loud=yes"],
    [{ a: null, b: 1 }, "b=1"],
    [{ a: null }, ""],
    [{ msg: "hello 1" }, "msg='hello 1'"],
    [{ msg: "it's x" }, `msg="it's x"`],
    [{ msg: "" }, "msg=''"],
    [{ msg: "1" }, "msg='1'"],
    [{ msg: "yes" }, "msg='yes'"],
    [{ msg: "1e5" }, "msg='1e5'"],
    [{ lr: float(0.1) }, "lr=0.1"],
    [{ lr: float(1) }, "lr=1.0"],
    [{ lr: float(1e-5) }, "lr=1.0e-05"],
    [{ lr: float(1 / 3) }, "lr=0.3333333333333333"], // not truncated (labels are)
    [{ n: 3, m: -2 }, "m=-2, n=3"],
    [{ l: [1, "a"] }, "l=[1, a]"],
    [{ z: 1, Z: 2, a: 3 }, "Z=2, a=3, z=1"],
  ];
  for (const [flags, want] of CASES) test(JSON.stringify(flags), () => assert.equal(trialFlagsDesc(flags), want));
});

describe("trialDesc", () => {
  const CASES: [string, FlagMap, string][] = [
    ["say.py", { loud: false, msg: "a" }, "say.py (loud=no, msg=a)"],
    ["say.py", { msg: "hello 1", loud: null }, "say.py (msg='hello 1')"],
    ["m1:train", { lr: float(0.01) }, "m1:train (lr=0.01)"],
    ["say.py", {}, "say.py ()"],
  ];
  for (const [op, flags, want] of CASES) test(want, () => assert.equal(trialDesc(op, flags), want));
});
