// Output-scalar patterns (spec §10). Expected values are what Guild's
// summary.OutputScalars logs at 93926134 (checked against Python's re/float).
import { test } from "node:test";
import assert from "node:assert/strict";
import { pyFloat } from "../../../src/core/scalars/py-float.js";
import { pyRegex } from "../../../src/core/scalars/py-regex.js";
import {
  coerceOutputScalars,
  compilePatterns,
  DEFAULT_OUTPUT_SCALARS,
  matchLine,
  replaceAliases,
} from "../../../src/core/scalars/patterns.js";
import { scalarLineParser } from "../../../src/core/scalars/output-scalars.js";
import { float } from "../../../src/core/flags/value.js";

test("pyFloat: Python's float() of captured text", () => {
  const cases: [string, number | undefined][] = [
    ["1", 1], ["1.", 1], [".5", 0.5], ["1e5", 1e5], ["1e-5", 1e-5], ["-1", -1], ["+1", 1],
    [" 2 ", 2], ["1_0", 10], ["1.5_0", 1.5], ["inf", Infinity], ["-Infinity", -Infinity],
    ["1.2.3", undefined], ["e", undefined], ["-", undefined], ["1__0", undefined], ["1e", undefined],
    ["0x10", undefined], ["", undefined], ["1_", undefined], ["_1", undefined], ["1._5", undefined],
  ];
  for (const [s, want] of cases) assert.equal(pyFloat(s), want, JSON.stringify(s));
  assert.ok(Number.isNaN(pyFloat("nan")));
});

test("pyRegex: Python-only syntax becomes JS", () => {
  const cases: [string, string, string | null][] = [
    ["(?P<a>\\d+)-(?P=a)", "12-12", "12-12"],
    ["(?P<a>\\d+)-(?P=a)", "12-13", null],
    ["\\Aab", "ab", "ab"],
    ["ab\\Z", "abc", null],
    ["(?i)loss", "LOSS", "LOSS"],
    ["[]a]+", "]a]", "]a]"],
    ["[\\]]", "]", "]"],
    ["[(?P<x>)]", "P", "P"],
  ];
  for (const [src, input, want] of cases) assert.equal(pyRegex(src).exec(input)?.[0] ?? null, want, src);
  assert.throws(() => pyRegex("(?x) a"), /verbose/);
});

test("aliases", () => {
  assert.equal(replaceAliases(DEFAULT_OUTPUT_SCALARS[0] as string), "^([^ \t]+):\\s+([0-9\\.e\\-]+)$");
  assert.equal(replaceAliases("Epoch (\\step)"), "Epoch ([0-9]+)");
});

test("coerceOutputScalars: Guild's stored forms", () => {
  assert.equal(coerceOutputScalars(undefined), null);
  assert.equal(coerceOutputScalars(null), null);
  assert.deepEqual(coerceOutputScalars(false), []);
  assert.deepEqual(coerceOutputScalars("a (\\value)"), ["a (\\value)"]);
  assert.deepEqual(coerceOutputScalars({ a: "x" }), [{ a: "x" }]);
  assert.deepEqual(coerceOutputScalars(["a", { b: "c" }]), ["a", { b: "c" }]);
  assert.equal(coerceOutputScalars(true), "invalid");
  assert.equal(coerceOutputScalars(1), "invalid");
  assert.equal(coerceOutputScalars(float(1.5)), "invalid");
});

function values(config: unknown[], line: string): Record<string, number> {
  const warnings: string[] = [];
  const patterns = compilePatterns(config, (w) => warnings.push(w));
  assert.deepEqual(warnings, []);
  return Object.fromEntries(matchLine(line, patterns));
}

test("matchLine: what each pattern form logs", () => {
  const def = [...DEFAULT_OUTPUT_SCALARS];
  const cases: [unknown[], string, Record<string, number>][] = [
    [def, "loss: 0.25", { loss: 0.25 }],
    [def, "loss:\t1e-05", { loss: 1e-5 }],
    [def, "loss: 0.25 (best)", {}],
    [def, "val/loss: -2", { "val/loss": -2 }],
    [def, "loss: 1.2.3", {}],
    [def, "loss:0.25", {}],
    [def, " loss: 1", {}],
    [def, "step: 10", { step: 10 }],
    [["(\\key)=(\\value)"], "a=1 b=2 a=3", { a: 3, b: 2 }],
    [[{ acc: "acc (\\value)" }], "acc 0.9", { acc: 0.9 }],
    [[{ acc: "acc (\\value)", step: "Epoch (\\step)" }], "Epoch 3 acc 0.5", { acc: 0.5, step: 3 }],
    [["(?P<_key>\\w+)=(?P<_val>\\value)"], "lr=0.1", { lr: 0.1 }],
    [["F1 (?P<f1>\\value) P (?P<p>\\value)"], "F1 0.7 P 0.5", { f1: 0.7, p: 0.5 }],
    [["(a)(b)(c)"], "abc", {}],
  ];
  for (const [config, line, want] of cases) assert.deepEqual(values(config, line), want, `${JSON.stringify(config)} ${line}`);
});

test("compilePatterns: bad items are warned about and skipped", () => {
  const warnings: string[] = [];
  const patterns = compilePatterns([1, { a: 2 }, "(", "ok (\\value)"], (w) => warnings.push(w));
  assert.deepEqual(patterns.map((p) => p.source), ["ok ([0-9\\.e\\-]+)"]);
  assert.equal(warnings.length, 3);
  assert.equal(warnings[0], "invalid item config: 1");
  assert.equal(warnings[1], "invalid output scalar pattern: 2");
  assert.match(warnings[2] ?? "", /^error compiling pattern \(: /);
});

test("scalarLineParser: step lines set the step; flag names are skipped", () => {
  const parse = scalarLineParser(compilePatterns(DEFAULT_OUTPUT_SCALARS, () => {}), new Set(["x"]));
  const entries = ["loss: 3", "x: 1", "step: 1", "loss: 2   ", "acc: 0.5", "b: 1", "step: 2", "loss: 1"].map(parse);
  assert.deepEqual(entries, [
    { values: [{ tag: "loss", value: 3 }], step: undefined },
    undefined,
    undefined,
    { values: [{ tag: "loss", value: 2 }], step: 1 },
    { values: [{ tag: "acc", value: 0.5 }], step: 1 },
    { values: [{ tag: "b", value: 1 }], step: 1 },
    undefined,
    { values: [{ tag: "loss", value: 1 }], step: 2 },
  ]);
});
