/** The merged run list (cached records + live runs) and the index file format. */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { arraySource, mergedRunList } from "../../../src/core/store/run-list.js";
import { formatIndex, parseIndex, recordAt, recordTimestamp } from "../../../src/core/store/run-index-file.js";
import type { RunEntry } from "../../../src/core/store/run-order.js";

const id = (n: number) => n.toString(16).padStart(32, "0");
const run = (n: number, ts: number | undefined, finalStatus?: RunEntry["finalStatus"]): RunEntry => ({
  id: id(n),
  dir: `/h/runs/${id(n)}`,
  timestamp: ts,
  finalStatus,
});

describe("mergedRunList", () => {
  const body = [run(1, 90, "completed"), run(2, 70, "error"), run(3, 50, "completed"), run(4, undefined, "terminated")];
  const CASES: [string, RunEntry[], number[]][] = [
    ["no live runs", [], [1, 2, 3, 4]],
    ["a live run newest", [run(9, 100)], [9, 1, 2, 3, 4]],
    ["live runs between records", [run(8, 80), run(7, 60)], [1, 8, 2, 7, 3, 4]],
    ["a live run oldest, before runs without a timestamp", [run(6, 10)], [1, 2, 3, 6, 4]],
    ["a live run without a timestamp sorts last, by id", [run(5, undefined)], [1, 2, 3, 4, 5]],
    ["equal timestamps order by id", [run(0, 70)], [1, 0, 2, 3, 4]],
  ];
  for (const [name, live, want] of CASES) {
    test(name, () => {
      const list = mergedRunList(arraySource(body), live);
      const expected = want.map(id);
      assert.equal(list.length, expected.length);
      assert.deepEqual([...list].map((r) => r.id), expected, "iteration");
      assert.deepEqual(expected.map((_, k) => list.at(k).id), expected, "at()");
      assert.deepEqual(list.toArray().map((r) => r.id), expected, "toArray()");
    });
  }
  test("at() out of range throws", () => {
    assert.throws(() => mergedRunList(arraySource(body), []).at(4), RangeError);
  });
});

describe("run index file", () => {
  const finals = [run(1, 1795772016685819, "completed"), run(2, 5, "error"), run(3, undefined, "terminated")];
  const text = formatIndex(42, "1795772016685819123", [id(7), "not-a-32-hex-id"], finals);

  test("round trip", () => {
    const data = parseIndex(Buffer.from(text));
    assert.ok(data);
    assert.equal(data.changesOffset, 42);
    assert.equal(data.runsMtime, "1795772016685819123");
    assert.deepEqual(data.liveIds, [id(7), "not-a-32-hex-id"]);
    assert.equal(data.finalCount, 3);
    assert.deepEqual([0, 1, 2].map((i) => recordAt(data, i, "/h/runs")), finals);
    assert.deepEqual([0, 1, 2].map((i) => recordTimestamp(data, i)), [1795772016685819, 5, undefined]);
  });

  const BAD: [string, string][] = [
    ["empty", ""],
    ["another header", text.replace("v2", "v1")],
    ["truncated", text.slice(0, -10)],
    ["a record too many", `${text}${text.split("\n").slice(-2).join("\n")}`],
  ];
  for (const [name, bad] of BAD) test(`rejects ${name}`, () => assert.equal(parseIndex(Buffer.from(bad)), undefined));

  test("unknown runs/ mtime is written as -", () => {
    assert.equal(parseIndex(Buffer.from(formatIndex(0, undefined, [], [])))?.runsMtime, undefined);
  });
});
