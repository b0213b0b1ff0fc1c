// /api/series' text: float32 values in their shortest form (and read back
// as the same float32), other values whole, times to the millisecond, only
// the fields asked for, and a kept text that follows a growing series.
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import type { Series } from "../../../src/core/view/downsample.js";
import { seriesJsonText, shortFloat32 } from "../../../src/core/view/series-json.js";

test("shortFloat32: the fewest digits for a float32, anything else as it is", () => {
  const cases: [number, number][] = [
    [Math.fround(0.1), 0.1],
    [Math.fround(0.8234567), 0.8234567],
    [Math.fround(-3.25e-12), -3.25e-12],
    [0.1, 0.1],
    [0.123456789012345, 0.123456789012345],
    [42, 42],
    [Infinity, Infinity],
  ];
  for (const [v, want] of cases) assert.equal(shortFloat32(v), want, String(v));
  assert.ok(Number.isNaN(shortFloat32(NaN)));
});

test("property: a float32 reads back as itself, in no more characters", () => {
  fc.assert(
    fc.property(fc.float({ noNaN: true, noDefaultInfinity: true }), (f) => {
      const v = Math.fround(f);
      const s = shortFloat32(v);
      assert.equal(Math.fround(s), v);
      assert.ok(String(s).length <= String(v).length, `${s} for ${v}`);
    }),
    { numRuns: 2000 },
  );
});

test("seriesJsonText: runs, keys and the fields asked for; a grown series is written again", () => {
  const series = (step: number[], value: number[], time: number[]): Series => ({ step: Float64Array.from(step), value: Float64Array.from(value), time: Float64Array.from(time) });
  let s = series([1, 2], [Math.fround(0.1), 0.5], [1700000000.1234567, 1700000001]);
  const text = () => seriesJsonText({ r1: { "val/loss": s } }, ["step", "value"]);
  assert.equal(text(), '{"r1":{"val/loss":{"step":[1,2],"value":[0.1,0.5]}}}');
  assert.equal(seriesJsonText({ r1: { loss: s } }, ["step", "value", "time"]), '{"r1":{"loss":{"step":[1,2],"value":[0.1,0.5],"time":[1700000000.123,1700000001]}}}');
  s = series([1, 2, 3], [Math.fround(0.1), 0.5, 0.25], [1700000000.1234567, 1700000001, 1700000002]);
  assert.equal(text(), '{"r1":{"val/loss":{"step":[1,2,3],"value":[0.1,0.5,0.25]}}}');
});
