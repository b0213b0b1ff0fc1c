// Series thinning: short series untouched; long ones at most the limit,
// first and last kept, every bucket's extremes kept (a spike survives).
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { downsample, MAX_POINTS, type Series } from "../../../src/core/view/downsample.js";

function series(values: readonly number[]): Series {
  return { step: Float64Array.from(values, (_v, i) => i), value: Float64Array.from(values), time: Float64Array.from(values, (_v, i) => 1000 + i) };
}

test("a series within the limit is returned as it is", () => {
  const s = series([3, 1, 2]);
  assert.equal(downsample(s, 3), s);
  assert.equal(downsample(series([]), 10).step.length, 0);
});

test("10,000 points become at most 2,000, ends kept, a spike kept", () => {
  const values = Array.from({ length: 10_000 }, (_v, i) => Math.sin(i / 100));
  values[4321] = 50;
  const d = downsample(series(values));
  assert.ok(d.step.length <= MAX_POINTS && d.step.length > MAX_POINTS / 2, `${d.step.length} points`);
  assert.equal(d.step[0], 0);
  assert.equal(d.step.at(-1), 9999);
  assert.ok(d.value.includes(50));
  assert.deepEqual(d.time.slice(0, 2), d.step.slice(0, 2).map((s) => 1000 + s));
});

test("property: within the limit (4 or more), ends and extremes kept, steps ascending, points from the series", () => {
  fc.assert(
    fc.property(fc.array(fc.double({ noNaN: true, min: -1e6, max: 1e6 }), { minLength: 1, maxLength: 3000 }), fc.integer({ min: 4, max: 500 }), (values, limit) => {
      const d = downsample(series(values), limit);
      assert.ok(d.step.length <= Math.max(limit, values.length <= limit ? values.length : 0));
      assert.equal(d.step[0], 0);
      assert.equal(d.step.at(-1), values.length - 1);
      for (let i = 1; i < d.step.length; i++) assert.ok((d.step[i] as number) > (d.step[i - 1] as number));
      d.step.forEach((s, i) => assert.equal(d.value[i], values[s]));
      assert.ok(d.value.includes(Math.max(...values)));
      assert.ok(d.value.includes(Math.min(...values)));
    }),
    { numRuns: 200 },
  );
});
