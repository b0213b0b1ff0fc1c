// Run selection specs (spec §9.3) over the filtered, newest-first list:
// `N`, `A:B`, `A:`, `:B`, `:` and unique id prefixes.
import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { GuildError } from "../../../src/core/errors.js";
import { selectOneRun, selectRuns } from "../../../src/core/runs/select.js";

const ID = {
  a: "aaaa1111aaaa1111aaaa1111aaaa1111",
  b: "aaab2222aaab2222aaab2222aaab2222",
  c: "bbbb3333bbbb3333bbbb3333bbbb3333",
  d: "cccc4444cccc4444cccc4444cccc4444",
  e: "1234abcd1234abcd1234abcd1234abcd",
};
const RUNS = [ID.a, ID.b, ID.c, ID.d, ID.e].map((id) => ({ id }));
const ids = (runs: { id: string }[]) => runs.map((r) => r.id);

describe("selectRuns", () => {
  const CASES: [string[], string[]][] = [
    [[], [ID.a, ID.b, ID.c, ID.d, ID.e]],
    [["1"], [ID.a]],
    [["5"], [ID.e]],
    [["2:3"], [ID.b, ID.c]],
    [["3:3"], [ID.c]],
    [["1:5"], [ID.a, ID.b, ID.c, ID.d, ID.e]],
    [["2:"], [ID.b, ID.c, ID.d, ID.e]],
    [["5:"], [ID.e]],
    [[":2"], [ID.a, ID.b]],
    [[":5"], [ID.a, ID.b, ID.c, ID.d, ID.e]],
    [[":"], [ID.a, ID.b, ID.c, ID.d, ID.e]],
    [["1", "3"], [ID.a, ID.c]],
    [["2", "2"], [ID.b]],
    [["1:2", "2:3"], [ID.a, ID.b, ID.c]],
    [["bbbb"], [ID.c]],
    [["aaab"], [ID.b]],
    [[ID.d], [ID.d]],
    [["1234"], [ID.e]], // not an in-range index: an id prefix
    [["12"], [ID.e]],
    [["2", "cccc"], [ID.b, ID.d]],
    // Python's int() and Guild's start-anchored range match.
    [["+2"], [ID.b]],
    [[" 3 "], [ID.c]],
    [["2:3x"], [ID.b, ID.c]],
    [["1:2:9"], [ID.a, ID.b]],
  ];
  for (const [specs, want] of CASES) {
    test(JSON.stringify(specs), () => assert.deepEqual(ids(selectRuns(RUNS, specs, "rm")), want));
  }
});

function guildError(message: string, plain = false) {
  return (e: unknown) => {
    assert.ok(e instanceof GuildError, `expected a GuildError, got ${String(e)}`);
    assert.equal(e.message, message);
    assert.equal(e.exitCode, 1);
    assert.equal(e.plain, plain);
    return true;
  };
}

const noMatch = (spec: string, cmd: string) =>
  `could not find a run matching '${spec}'\n` +
  `Try 'guild runs list' for a list or 'guild runs ${cmd} --help' for more information.`;

describe("no match (§9.3)", () => {
  const CASES: [string, string][] = [
    ["zzzz", "rm"],
    ["0", "rm"],
    ["6", "info"],
    ["-1", "label"],
    ["0:2", "rm"],
    ["a:b", "rm"],
    ["aaaa1111x", "stop"],
  ];
  for (const [spec, cmd] of CASES) {
    test(`${spec} (runs ${cmd})`, () => assert.throws(() => selectRuns(RUNS, [spec], `guild runs ${cmd}`), guildError(noMatch(spec, cmd))));
  }
  test("one bad spec fails the whole selection", () => {
    assert.throws(() => selectRuns(RUNS, ["1", "zzzz"], "guild runs rm"), guildError(noMatch("zzzz", "rm")));
  });
  test("a range past the end is not in range, so it is an id prefix", () =>
    assert.throws(() => selectRuns(RUNS, ["2:9"], "guild runs rm"), guildError(noMatch("2:9", "rm"))));
});

describe("ambiguous prefix (§9.3, §6.2)", () => {
  const text = "'aaa' matches multiple runs:\n  aaaa1111\n  aaab2222";
  test("message lists the short ids", () => {
    assert.throws(
      () => selectRuns(RUNS, ["aaa"], "rm"),
      (e: unknown) => e instanceof GuildError && e.message === text && e.exitCode === 1,
    );
  });
  test("printed without the `guild:` prefix", () =>
    assert.throws(() => selectRuns(RUNS, ["aaa"], "rm"), guildError(text, true)));
});

describe("empty selections Guild allows", () => {
  // Guild slices runs[A-1:B] when 0 <= A-1 and B <= len(runs): an empty slice is no error.
  test("3:1 selects nothing", () => assert.deepEqual(selectRuns(RUNS, ["3:1"], "rm"), []));
  test(": with no runs selects nothing", () => assert.deepEqual(selectRuns([], [":"], "rm"), []));
  test("1: with no runs selects nothing", () => assert.deepEqual(selectRuns([], ["1:"], "rm"), []));
  test("9: past the end selects nothing", () => assert.deepEqual(selectRuns(RUNS, ["9:"], "rm"), []));
  test(":0 selects nothing", () => assert.deepEqual(selectRuns(RUNS, [":0"], "rm"), []));
  test("no specs with no runs", () => assert.deepEqual(selectRuns([], [], "rm"), []));
});

describe("selectOneRun", () => {
  test("one run by index, several is an error", () => {
    assert.equal(selectOneRun(RUNS, "2", "guild runs info").id, RUNS[1]?.id);
    assert.throws(() => selectOneRun(RUNS, "1:2", "guild runs info"), /'1:2' matches multiple runs:\n/);
  });
});
