// Label edits of `guild runs label` (§9.8), pure.
import { test } from "node:test";
import assert from "node:assert/strict";
import { labelActionFor, newLabel, removeLabelPart } from "../../../src/core/runs/label.js";

const REMOVE: [string, string, string][] = [
  ["a b c", "b", "a c"],
  ["a b c", "a b", "c"],
  ["ab b", "b", "ab"],
  ["b b", "b", ""],
  ["  a   b ", "x", "a b"],
  ["lr=0.1 x", "lr=0", "lr=0.1 x"],
];

test("remove takes out whole space-delimited occurrences", () => {
  for (const [label, part, want] of REMOVE) assert.equal(removeLabelPart(label, part), want, `${label} - ${part}`);
});

test("new labels render ${flag} and ${label}", () => {
  const flags = { lr: 0.5, name: "x" };
  assert.equal(newLabel({ kind: "set", value: "lr ${lr} ${name}" }, "old", flags), "lr 0.5 x");
  assert.equal(newLabel({ kind: "set", value: "[${label}]" }, "old", flags), "[old]");
  assert.equal(newLabel({ kind: "prepend", value: "v2" }, "old", flags), "v2 old");
  assert.equal(newLabel({ kind: "prepend", value: "v2" }, "", flags), "v2");
  assert.equal(newLabel({ kind: "append", value: "${name}" }, "old", flags), "old x");
  assert.equal(newLabel({ kind: "remove", values: ["old", "x"] }, "old x y", flags), "y");
});

test("label options as Guild checks them", () => {
  const err = (args: Parameters<typeof labelActionFor>[0]) => {
    try {
      labelActionFor(args, "guild label");
      return "ok";
    } catch (e) {
      return (e as Error).message.split("\n")[0];
    }
  };
  assert.equal(err({}), "missing one of: --set, --append, --prepend, --remove, --clear");
  assert.equal(err({ set: "" }), "missing one of: --set, --append, --prepend, --remove, --clear");
  assert.equal(err({ set: "a", append: "b" }), "--set and --append cannot both be specified");
  assert.equal(err({ prepend: "a", remove: ["b"] }), "--prepend and --remove cannot both be specified");
  assert.equal(err({ remove: ["a"], clear: true }), "ok");
  assert.deepEqual(labelActionFor({ remove: ["a"], clear: true }, "guild label"), { kind: "clear" });
});
