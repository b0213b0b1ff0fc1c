// Suggestions for mistyped commands: `guild rnus` → runs, `guild runs lst` → list.
import { test } from "node:test";
import assert from "node:assert/strict";
import { closestWord, didYouMean, editDistance } from "../../../src/core/util/closest-word.js";

test("editDistance", () => {
  const cases: [string, string, number][] = [
    ["", "", 0],
    ["runs", "runs", 0],
    ["rnus", "runs", 1],
    ["lst", "list", 1],
    ["lisst", "list", 1],
    ["lsit", "list", 1],
    ["abc", "", 3],
    ["kitten", "sitting", 3],
  ];
  for (const [a, b, want] of cases) assert.equal(editDistance(a, b), want, `${a} ${b}`);
});

test("closestWord", () => {
  const commands = ["cat", "compare", "label", "ls", "run", "runs", "stop"];
  const cases: [string, string | undefined][] = [
    ["rnus", "runs"],
    ["RUNS", "runs"],
    ["compre", "compare"],
    ["stpo", "stop"],
    ["xyz", undefined],
    ["comparison", undefined],
  ];
  for (const [word, want] of cases) assert.equal(closestWord(word, commands), want, word);
  assert.equal(didYouMean("lst", ["list", "info"]), " (did you mean 'list'?)");
  assert.equal(didYouMean("zzz", ["list", "info"]), "");
});
