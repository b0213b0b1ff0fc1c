// The row cache's value encoding: every attribute value reads back as it was.
import { test } from "node:test";
import assert from "node:assert/strict";
import { decodeValue, encodeValue, NotEncodable } from "../../../src/core/compare/value-codec.js";
import { float, nameMap, type FlagValue } from "../../../src/core/flags/value.js";

const roundTrip = (v: FlagValue) => decodeValue(JSON.parse(JSON.stringify(encodeValue(v))));

test("values read back as they were, through JSON", () => {
  const cases: FlagValue[] = [
    null, true, false, 0, 7, -42, 2 ** 53 - 1, "", "m51", "1.0", ["f", 1],
    float(1), float(0.1), float(-0), float(NaN), float(Infinity), float(-Infinity), float(1e-300),
    // Maps as the YAML loader makes them: without a prototype.
    [], [1, float(2), "3", [null]], nameMap({}), nameMap({ lr: float(0.01), layers: [1, 2], nested: nameMap({ a: "b" }) }),
    nameMap({ ["__proto__"]: 1, constructor: "c" }),
  ];
  for (const v of cases) assert.deepEqual(roundTrip(v), v, JSON.stringify(encodeValue(v)));
  assert.ok(Object.is((roundTrip(float(-0)) as { value: number }).value, -0));
});

test("values of other kinds are not encoded (their row is not cached)", () => {
  for (const v of [undefined, Infinity, -0, 10n, new Date(0), () => 1, [1, new Map()], { a: Symbol("s") }]) {
    assert.equal(encodeValue(v), undefined, String(v));
  }
});

test("anything encodeValue would not write is refused when decoded", () => {
  for (const e of [{}, ["x"], ["f"], ["f", "1"], ["f", "nan"], ["m", "k"], ["m", 1, 2], [1, 2], undefined]) {
    assert.throws(() => decodeValue(e), NotEncodable, JSON.stringify(e));
  }
});
