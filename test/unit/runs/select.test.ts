// Run selection specs (§9.3) over a filtered list of five runs.
import { test } from "node:test";
import assert from "node:assert/strict";
import { selectOneRun, selectRuns } from "../../../src/core/runs/select.js";

const RUNS = ["aa11", "ab22", "bc33", "bd44", "ce55"].map((id) => ({ id }));

function sel(...specs: string[]): string {
  try {
    return selectRuns(RUNS, specs, "guild runs rm").map((r) => r.id).join(" ");
  } catch (e) {
    return `error: ${(e as Error).message.split("\n")[0]}`;
  }
}

const CASES: [string[], string][] = [
  [[], "aa11 ab22 bc33 bd44 ce55"],
  [["1"], "aa11"],
  [["5"], "ce55"],
  [["2:3"], "ab22 bc33"],
  [[":2"], "aa11 ab22"],
  [["4:"], "bd44 ce55"],
  [[":"], "aa11 ab22 bc33 bd44 ce55"],
  [["3:1"], ""],
  [["6:"], ""],
  [["3", "1", "3"], "aa11 bc33"],
  [["bc"], "bc33"],
  [["ce55"], "ce55"],
  [["a"], "error: 'a' matches multiple runs:"],
  [["zz"], "error: could not find a run matching 'zz'"],
  [["6"], "error: could not find a run matching '6'"],
  [["2:9"], "error: could not find a run matching '2:9'"],
  [["0"], "error: could not find a run matching '0'"],
];

test("selection specs", () => {
  for (const [specs, want] of CASES) assert.equal(sel(...specs), want, specs.join(" "));
});

test("one run: a range naming several is ambiguous", () => {
  assert.equal(selectOneRun(RUNS, "2", "guild runs info").id, "ab22");
  assert.throws(() => selectOneRun(RUNS, "1:2", "guild runs info"), /'1:2' matches multiple runs:\n  aa11\n  ab22/);
});
