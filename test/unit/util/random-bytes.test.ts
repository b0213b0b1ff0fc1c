// randomBytes serves kernel bytes from a pool: every size comes back whole,
// across refills and past the pool's size, and no bytes are handed out twice.
import { test } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "../../../src/core/util/random-bytes.js";

test("every size asked for comes back, across pool refills and larger than the pool", () => {
  for (const n of [0, 1, 7, 16, 1000, 1023, 1024, 1025, 5000, 16]) {
    const bytes = randomBytes(n);
    assert.equal(bytes.length, n);
    if (n >= 16) assert.ok(bytes.some((b) => b !== 0), `${n} bytes all zero`);
  }
});

test("no two 16-byte draws are equal over many pools", () => {
  const seen = new Set(Array.from({ length: 5000 }, () => randomBytes(16).toString("hex")));
  assert.equal(seen.size, 5000);
});

test("a draw is a copy: changing it leaves later draws alone", () => {
  const a = randomBytes(16);
  a.fill(0);
  assert.ok(randomBytes(16).some((b) => b !== 0));
});
