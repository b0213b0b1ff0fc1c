// `/api/runs` query strings → filter, search, sort and page; bad ones named.
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { parseRunsQuery, ViewQueryError } from "../../../src/core/view/runs-query.js";

const NOW = new Date(2026, 11, 4, 12, 0, 0);
const q = (s: string) => parseRunsQuery(new URLSearchParams(s), NOW);

test("defaults: newest first, first page of 100, no filter", () => {
  const d = q("");
  assert.deepEqual([d.sort, d.offset, d.limit, d.text], [{ column: "started", desc: true }, 0, 100, []]);
  assert.deepEqual(d.filter.statuses, []);
});

test("filters as the CLI's options", () => {
  const d = q("status=running,error&status=staged&operation=train&operation=eval&label=best&marked=1&digest=ab&started=last%20hour");
  assert.deepEqual(d.filter.statuses, ["running", "error", "staged"]);
  assert.deepEqual(d.filter.ops, ["train", "eval"]);
  assert.deepEqual(d.filter.labels, ["best"]);
  assert.equal(d.filter.marked, true);
  assert.equal(d.filter.unmarked, false);
  assert.equal(d.filter.digest, "ab");
  assert.deepEqual(d.filter.started?.start, new Date(2026, 11, 4, 11, 0, 0));
});

test("search words, sort columns, pages", () => {
  assert.deepEqual(q("q=  Train  LR=0.1 ").text, ["train", "lr=0.1"]);
  assert.deepEqual(q("sort=flag:lr").sort, { column: "flag:lr", desc: false });
  assert.deepEqual(q("sort=scalar:val/loss&desc=1").sort, { column: "scalar:val/loss", desc: true });
  assert.deepEqual(q("sort=started&desc=0").sort, { column: "started", desc: false });
  assert.deepEqual([q("offset=200&limit=50").offset, q("offset=200&limit=50").limit], [200, 50]);
  assert.equal(q("limit=100000").limit, 1000);
});

test("bad parameters are named", () => {
  const bad: [string, RegExp][] = [
    ["status=done", /invalid status 'done'/],
    ["sort=color", /invalid sort column 'color'/],
    ["offset=-1", /invalid offset '-1'/],
    ["limit=ten", /invalid limit 'ten'/],
    ["started=next%20tuesday%20maybe", /invalid started range/],
    ["marked=1&unmarked=1", /marked and unmarked/],
    ["label=x&unlabeled=1", /label and unlabeled/],
  ];
  for (const [s, re] of bad) assert.throws(() => q(s), (e: unknown) => e instanceof ViewQueryError && re.test(e.message), s);
});

test("property: any query string parses or fails with a ViewQueryError, never anything else", () => {
  const key = fc.constantFrom("status", "operation", "label", "unlabeled", "marked", "unmarked", "started", "digest", "q", "sort", "desc", "offset", "limit", "other");
  fc.assert(
    fc.property(fc.array(fc.tuple(key, fc.string({ maxLength: 12 })), { maxLength: 6 }), (pairs) => {
      try {
        const r = parseRunsQuery(new URLSearchParams(pairs), NOW);
        assert.ok(r.limit >= 0 && r.limit <= 1000 && r.offset >= 0);
      } catch (e) {
        assert.ok(e instanceof ViewQueryError, String(e));
      }
    }),
  );
});
