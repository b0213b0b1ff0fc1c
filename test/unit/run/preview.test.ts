// The confirmation preview (spec §6.3) and trial tables (§5.7), one line per case.
import { test } from "node:test";
import assert from "node:assert/strict";
import { previewText, type PreviewRequest } from "../../../src/core/run/preview.js";
import { formatTrialsCsv, formatTrialsTable } from "../../../src/core/batch/trials-table.js";
import { batchOptimizerFor } from "../../../src/core/batch/optimizer.js";
import { float, type FlagMap } from "../../../src/core/flags/value.js";

const base: PreviewRequest = { action: "run", subject: "say.py", flags: { loud: false, msg: ["a", "b", "c"] }, flagDefs: {} };

test("preview first line and flags", () => {
  const cases: [Partial<PreviewRequest>, string][] = [
    [{ flags: {} }, "You are about to run say.py\nContinue?"],
    [{ flags: { msg: "hi" } }, "You are about to run say.py\n  msg: hi\nContinue?"],
    [{ batch: { optimizer: "+", trials: 3, fromFiles: false } }, "You are about to run say.py as a batch (3 trials)\n  loud: no\n  msg: [a, b, c]\nContinue?"],
    [{ batch: { optimizer: "+", trials: 1, fromFiles: false }, flags: {} }, "You are about to run say.py as a batch (1 trial)\nContinue?"],
    [{ action: "stage", batch: { optimizer: "random", trials: 0, maxTrials: 20, fromFiles: false }, flags: { lr: "[0.01:0.1]" } }, "You are about to stage say.py with random search (max 20 trials)\n  lr: [0.01:0.1]\nContinue?"],
    [{ batch: { optimizer: "+", trials: 4, fromFiles: true }, flags: { loud: false } }, "You are about to run say.py as a batch (4 trials) (flags below used unless specified in batch trial)\n  loud: no\nContinue?"],
    [{ batch: { optimizer: "+", trials: 4, fromFiles: true }, flags: {} }, "You are about to run say.py as a batch (4 trials)\nContinue?"],
    [{ action: "start", subject: "abc (say.py)", flags: { n: null, m: null, s: "1" }, flagDefs: { n: { name: "n", nullLabel: "not set" } } }, "You are about to start abc (say.py)\n  m: default\n  n: not set\n  s: '1'\nContinue?"],
  ];
  for (const [req, expected] of cases) assert.equal(previewText({ ...base, ...req }), expected);
});

test("--print-trials table and --save-trials CSV", () => {
  const trials: FlagMap[] = [{ loud: false, msg: "hello there" }, { loud: true, msg: "1" }, { x: float(0.5) }];
  assert.deepEqual(formatTrialsTable(trials, 80), [
    "#  loud  msg          x",
    "1  no    hello there  ",
    "2  yes   '1'          ",
    "3                     0.5",
  ]);
  assert.deepEqual(formatTrialsTable(trials, 10), ["#  loud  …", "1  no    …", "2  yes   …", "3        …"]);
  assert.equal(formatTrialsTable(trials, undefined)[1], "1  no    hello there  ");
  assert.deepEqual(formatTrialsTable([], 80), []);
  assert.equal(formatTrialsCsv(trials), "loud,msg,x\nno,hello there,\nyes,'1',\n,,0.5\n");
});

test("which batch runs an operation", () => {
  const cases: [string | undefined, Record<string, unknown>, number, string | undefined][] = [
    [undefined, { a: 1 }, 0, undefined],
    [undefined, { a: [1, 2] }, 0, "+"],
    [undefined, { a: 1 }, 2, "+"],
    [undefined, { a: 1 }, 1, undefined],
    [undefined, { a: [1, 2], b: "[1:2]" }, 0, "random"],
    [undefined, { b: "loguniform[1:2]" }, 3, "random"],
    ["random", { a: 1 }, 0, "random"],
    ["skopt:random", { a: 1 }, 0, "random"],
    ["+", { a: "[1:2]" }, 0, "+"],
    ["gp", { a: "[1:2]" }, 0, "gp"],
    ["bayesian", { a: "[1:2]" }, 0, "gp"],
    ["gaussian-process", { a: "[1:2]" }, 0, "gp"],
    ["skopt:forest", { a: "[1:2]" }, 0, "forest"],
    ["gbrt", { a: "[1:2]" }, 0, "gbrt"],
    ["tpe", { a: "[1:2]" }, 0, "tpe"],
  ];
  for (const [opt, flags, files, expected] of cases) {
    assert.equal(batchOptimizerFor(opt, flags as never, files), expected, JSON.stringify([opt, flags, files]));
  }
  assert.throws(() => batchOptimizerFor("hyperband", {}, 0), /optimizer 'hyperband' is not supported/);
});
