/** The merged run list (cached records + live runs) and the index file format. */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { arraySource, mergedRunList } from "../../../src/core/store/run-list.js";
import {
  formatIndex,
  isIndexable,
  parseIndex,
  parseIndexHead,
  recordAt,
  recordId,
  recordOp,
  recordPositions,
  recordStatus,
  recordTimestamp,
  unfinishedPositions,
} from "../../../src/core/store/run-index-file.js";
import type { RunEntry } from "../../../src/core/store/run-order.js";

const id = (n: number) => n.toString(16).padStart(32, "0");
const run = (n: number, ts: number | undefined, indexedStatus?: RunEntry["indexedStatus"], stamp?: number): RunEntry => ({
  id: id(n),
  dir: `/h/runs/${id(n)}`,
  timestamp: ts,
  indexedStatus,
  stamp,
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

  // Records 1..4 of `body`; those in `changed` no longer agree with their files.
  const checked = (changed: number[]) => ({
    ...arraySource(body),
    isCurrent: (i: number) => !changed.map(id).includes(body[i]?.id as string),
  });
  const STALE: [string, RunEntry[], number[], [number, number], number[]][] = [
    ["nothing changed", [run(9, 100)], [], [0, 5], []],
    ["a changed record in range", [], [2], [0, 2], [2]],
    ["a changed record past the range", [], [3], [0, 2], []],
    ["positions count live runs", [run(8, 80), run(7, 60)], [3], [4, 5], [3]],
    ["positions count live runs (before the range)", [run(8, 80), run(7, 60)], [3], [0, 4], []],
    ["the whole list", [run(8, 80)], [1, 4], [0, 5], [1, 4]],
  ];
  for (const [name, live, changed, [start, end], want] of STALE) {
    test(`staleIn: ${name}`, () => {
      assert.deepEqual(mergedRunList(checked(changed), live).staleIn(start, end), want.map(id));
    });
  }

  test("staleIn: statuses the caller need not check are not checked", () => {
    const looked: string[] = [];
    const source = { ...arraySource(body), isCurrent: (i: number) => (looked.push(body[i]?.id as string), false) };
    const stale = mergedRunList(source, []).staleIn(0, 4, (s) => s === "error");
    assert.deepEqual(stale, [id(2)]);
    assert.deepEqual(looked, [id(2)]);
  });

  test("unfinished: live runs not finished and staged or running records, newest first", () => {
    const records = [run(1, 90, "staged", 1), run(2, 70, "completed", 1), run(3, 50, "running", 1)];
    const live = [run(8, 80), run(7, 60, "error", 1), run(6, 40, "staged", 1)];
    assert.deepEqual(mergedRunList(arraySource(records), live).unfinished().map((r) => r.id), [1, 8, 3, 6].map(id));
  });
});

describe("run index file", () => {
  const say = "script:/srv/p '' '' say.py";
  const finals = [
    { ...run(1, 1795772016685819, "completed", 1795772016685900), opref: say, oprefStamp: 1795772016685800 },
    { ...run(2, 5, "error", 7), opref: say, oprefStamp: 6 },
    { ...run(3, undefined, "terminated", 0), opref: "guildfile:/srv/p/guild.yml abc '' train", oprefStamp: 0 },
    run(4, 3, "staged", 1795772016685819),
    run(5, 2, "running", 12),
  ];
  const text = formatIndex(42, "1795772016685819123", [id(7), "not-a-32-hex-id"], finals);

  test("round trip", () => {
    const data = parseIndex(Buffer.from(text));
    assert.ok(data);
    assert.equal(data.changesOffset, 42);
    assert.equal(data.runsMtime, "1795772016685819123");
    assert.deepEqual(data.liveIds, [id(7), "not-a-32-hex-id"]);
    assert.equal(data.finalCount, 5);
    assert.deepEqual([0, 1, 2, 3, 4].map((i) => recordAt(data, i, "/h/runs")), finals);
    assert.deepEqual([0, 1, 2, 3, 4].map((i) => recordTimestamp(data, i)), [1795772016685819, 5, undefined, 3, 2]);
    assert.deepEqual(unfinishedPositions(data), [3, 4]);
    // Runs share an operation's line; runs without one cache none.
    assert.deepEqual(data.ops, [say, "guildfile:/srv/p/guild.yml abc '' train"]);
    assert.deepEqual([0, 1, 2, 3, 4].map((i) => recordOp(data, i)), [0, 0, 1, -1, -1]);
  });

  test("an opref line that cannot be a line is not cached", () => {
    const data = parseIndex(Buffer.from(formatIndex(0, undefined, [], [{ ...run(1, 5, "completed", 9), opref: "a\nb", oprefStamp: 3 }])));
    assert.ok(data);
    assert.deepEqual([data.ops, recordOp(data, 0), recordAt(data, 0, "/h/runs").opref], [[], -1, undefined]);
  });

  const INDEXABLE: [string, RunEntry, boolean][] = [
    ["finished with a stamp", run(1, 5, "completed", 9), true],
    ["staged with a stamp", run(1, 5, "staged", 9), true],
    ["no known status", run(1, 5, undefined, 9), false],
    ["no stamp", run(1, 5, "error"), false],
    ["a timestamp too wide", run(1, 1e16, "error", 9), false],
    ["a stamp too wide", run(1, 5, "error", 1e16), false],
    ["not a Guild id", { ...run(1, 5, "error", 9), id: "abc" }, false],
  ];
  for (const [name, entry, want] of INDEXABLE) test(`isIndexable: ${name}`, () => assert.equal(isIndexable(entry), want));

  const BAD: [string, string][] = [
    ["empty", ""],
    ["another header", text.replace("v4", "v3")],
    ["truncated", text.slice(0, -10)],
    ["a record too many", `${text}${text.split("\n").slice(-2).join("\n")}`],
  ];
  for (const [name, bad] of BAD) test(`rejects ${name}`, () => assert.equal(parseIndex(Buffer.from(bad)), undefined));

  test("unknown runs/ mtime is written as -", () => {
    assert.equal(parseIndex(Buffer.from(formatIndex(0, undefined, [], [])))?.runsMtime, undefined);
  });
});

describe("an index read from its head, the rest as asked", () => {
  const statuses = ["completed", "error", "staged", "terminated", "running"] as const;
  const finals = Array.from({ length: 2000 }, (_, i) => ({
    ...run(i + 1, 10_000 - i, statuses[i % 5], 1000 + i),
    ...(i % 3 ? { opref: "script:/srv/p '' '' say.py", oprefStamp: 7 } : {}),
  }));
  const file = Buffer.from(formatIndex(9, "1:2", [id(90_000)], finals));
  const whole = parseIndex(file);
  /** The index from its first `headBytes`, counting the reads of the rest. */
  const fromHead = (headBytes: number) => {
    const reads: [number, number][] = [];
    const data = parseIndexHead(file.subarray(0, headBytes), file.length, (position, length) => {
      reads.push([position, length]);
      return Buffer.from(file.subarray(position, position + length));
    });
    assert.ok(data);
    return { data, reads };
  };

  // Heads cut before the records, mid-record, and past a few pages.
  for (const headBytes of [120, 1000, 1093, 16 * 1024, 200 * 1024]) {
    test(`head of ${headBytes} bytes: every accessor agrees with the whole file`, () => {
      assert.ok(whole);
      const { data } = fromHead(headBytes);
      assert.deepEqual([data.changesOffset, data.runsMtime, data.liveIds, data.ops], [whole.changesOffset, whole.runsMtime, whole.liveIds, whole.ops]);
      // Out of order: pages are read as asked, then all at once.
      const order = Array.from({ length: finals.length }, (_, i) => (i * 7919) % finals.length);
      for (const i of order) {
        assert.deepEqual(recordAt(data, i, "/h/runs"), recordAt(whole, i, "/h/runs"));
        assert.equal(recordStatus(data, i), recordStatus(whole, i));
      }
      assert.deepEqual(unfinishedPositions(data), unfinishedPositions(whole));
      const asked = [id(1500), id(1), id(2000), id(2001), "short", id(1500)];
      assert.deepEqual([...recordPositions(data, asked)], [[id(1), 0], [id(1500), 1499], [id(2000), 1999]]);
    });
  }

  test("the newest records come with the head; one more is one page, not the file", () => {
    const { data, reads } = fromHead(16 * 1024);
    for (let i = 0; i < 20; i++) recordId(data, i);
    assert.deepEqual(reads, []);
    recordId(data, 1000);
    assert.equal(reads.length, 1);
    assert.ok((reads[0]?.[1] ?? 0) <= 4096, `read ${reads[0]?.[1]} bytes`);
    recordId(data, 1001);
    assert.equal(reads.length, 1, "the same page is not read again");
  });

  test("a head whose file has another size is damaged", () => {
    assert.equal(parseIndexHead(file.subarray(0, 1000), file.length - 93, () => Buffer.alloc(0)), undefined);
  });
});
