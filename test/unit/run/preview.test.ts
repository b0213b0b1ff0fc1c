// The confirmation preview of `guild run` (spec §6.3); the caller appends
// ` (Y/n) ` when prompting.
import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { previewText, type PreviewRequest } from "../../../src/core/run/preview.js";
import { float } from "../../../src/core/flags/value.js";

const req = (over: Partial<PreviewRequest>): PreviewRequest => ({ action: "run", subject: "say.py", flags: {}, flagDefs: {}, ...over });

describe("previewText", () => {
  const CASES: [string, Partial<PreviewRequest>, string][] = [
    [
      "§6.3 batch example",
      { trials: 3, flags: { msg: ["a", "b", "c"], loud: false } },
      "You are about to run say.py as a batch (3 trials)\n  loud: no\n  msg: [a, b, c]\nContinue?",
    ],
    ["one trial", { trials: 1, flags: { msg: ["a"] } }, "You are about to run say.py as a batch (1 trial)\n  msg: [a]\nContinue?"],
    ["zero trials", { trials: 0, flags: { msg: [] } }, "You are about to run say.py as a batch (0 trials)\n  msg: []\nContinue?"],
    ["plain run", { flags: { msg: "hi", loud: true } }, "You are about to run say.py\n  loud: yes\n  msg: hi\nContinue?"],
    ["no flags", {}, "You are about to run say.py\nContinue?"],
    ["stage", { action: "stage", flags: { msg: "hi" } }, "You are about to stage say.py\n  msg: hi\nContinue?"],
    [
      "start",
      { action: "start", subject: "0123456789abcdef0123456789abcdef (say.py)", flags: { msg: "c", loud: false } },
      "You are about to start 0123456789abcdef0123456789abcdef (say.py)\n  loud: no\n  msg: c\nContinue?",
    ],
    ["sorted flags", { flags: { z: 1, a: 2, M: 3 } }, "You are about to run say.py\n  M: 3\n  a: 2\n  z: 1\nContinue?"],
    ["null shows default", { flags: { gpus: null } }, "You are about to run say.py\n  gpus: default\nContinue?"],
    ["null-label", { flags: { gpus: null }, flagDefs: { gpus: { name: "gpus", nullLabel: "all" } } }, "You are about to run say.py\n  gpus: all\nContinue?"],
    [
      "display encoding",
      { flags: { s: "1", t: "hello there", f: float(1), e: float(1e-5), y: "yes", m: { b: 1, a: "x" } } },
      "You are about to run say.py\n  e: 1.0e-05\n  f: 1.0\n  m: {a: x, b: 1}\n  s: '1'\n  t: hello there\n  y: 'yes'\nContinue?",
    ],
    [
      "flag functions shown raw",
      { flags: { lr: "loguniform[1e-5:1e-1]", n: "[1:10]", u: "uniform[0:1]" } },
      "You are about to run say.py\n  lr: loguniform[1e-5:1e-1]\n  n: [1:10]\n  u: uniform[0:1]\nContinue?",
    ],
    [
      "queue",
      { subject: "queue", flags: { gpus: null, "poll-interval": 10, "run-once": true, "wait-for-running": false } },
      "You are about to run queue\n  gpus: default\n  poll-interval: 10\n  run-once: yes\n  wait-for-running: no\nContinue?",
    ],
  ];
  for (const [name, over, want] of CASES) test(name, () => assert.equal(previewText(req(over)), want));
});
