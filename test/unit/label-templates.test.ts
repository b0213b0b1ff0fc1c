// Run labels (spec §6.4): default labels and templates with filters.
import { test } from "node:test";
import assert from "node:assert/strict";
import { defaultLabel, renderLabel } from "../../src/core/label.js";
import { float, type FlagMap } from "../../src/core/flags/value.js";

const f = float;

test("default label: sorted NAME=VALUE, nulls skipped, floats cut, spaces quoted", () => {
  const cases: [FlagMap, string][] = [
    [{}, ""],
    [{ msg: "a", loud: false }, "loud=no msg=a"],
    [{ x: null, y: 1 }, "y=1"],
    [{ lr: f(1 / 3) }, "lr=0.33333"],
    [{ lr: f(1e-7) }, "lr=1.0e-07"],
    [{ lr: f(0.123456789e-5) }, "lr=1.23456e-06"],
    [{ msg: "hello 1" }, "msg='hello 1'"],
    [{ msg: "it's x" }, `msg="it's x"`],
    [{ s: "1" }, "s='1'"],
    [{ l: [1, "a b"] }, "l=[1, a b]"],
  ];
  for (const [flags, expected] of cases) assert.equal(defaultLabel(flags), expected, JSON.stringify(flags));
});

test("templates: refs, default_label and filters", () => {
  const flags: FlagMap = { name: "x", seconds: 1, lr: f(0.25), path: "/data/sets/mnist/", q: "'quoted'", b: true, n: null };
  const cases: [string, string][] = [
    ["my ${name} ${seconds|%03d} ${missing}", "my x 001 "],
    ["${default_label}", "b=yes lr=0.25 name=x path=/data/sets/mnist/ q='''quoted''' seconds=1"],
    ["lr is ${lr|%.3f}", "lr is 0.250"],
    ["${n|default:none} ${missing|default:} ${name|default:y}", "none  x"],
    ["${path|basename}", "mnist"],
    ["${missing|basename}", ""],
    ["${q|unquote} ${q}", "quoted '''quoted'''"],
    ["${b|default:x} ${b}", "True yes"],
    ["${name|%d}", "x"],
    ["${lr|%.1e|default:z}", "2.5e-01"],
    ["tag ${default_label}", "tag b=yes lr=0.25 name=x path=/data/sets/mnist/ q='''quoted''' seconds=1"],
    ["", "b=yes lr=0.25 name=x path=/data/sets/mnist/ q='''quoted''' seconds=1"],
  ];
  for (const [template, expected] of cases) assert.equal(renderLabel(template, flags), expected, template);
});

test("bad filters warn as Guild does", () => {
  const warnings: string[] = [];
  const warn = (s: string) => warnings.push(s);
  assert.equal(renderLabel("${x|upper}", { x: "a" }, warn), "#error#");
  assert.equal(renderLabel("${x|%q}", { x: 1 }, warn), "1");
  assert.equal(renderLabel("${x|basename:y}", { x: "a/b" }, warn), "b");
  assert.deepEqual(warnings, [
    "WARNING: unsupported template transform: 'upper'",
    "WARNING: error formatting 1 with '%q': unsupported format character 'q' (0x71) at index 1",
    "WARNING: ignoring argment to baseline in 'basename:y'",
  ]);
});
