// sortSmall sorts as Array.prototype.sort does: in place, stable, short
// lists by insertion and longer ones by the built-in sort.
import { test } from "node:test";
import assert from "node:assert/strict";
import { sortSmall } from "../../../src/core/util/sort-small.js";

test("sortSmall orders as Array.prototype.sort, keeping equal items in order", () => {
  let seed = 11;
  const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
  const byKey = (a: [number, number], b: [number, number]) => a[0] - b[0];
  for (let i = 0; i < 2000; i++) {
    const items = Array.from({ length: rand(24) }, (_, j): [number, number] => [rand(5), j]);
    const want = [...items].sort(byKey);
    const sorted = sortSmall(items, byKey);
    assert.equal(sorted, items, "in place");
    assert.deepEqual(sorted, want);
  }
  assert.deepEqual(sortSmall([], byKey), []);
});
