// Scalar series from event files: ours and TensorFlow 2's tensor form, tags
// with `/`, directories as key prefixes, and incremental reading (a file
// that grows, a torn record completed later, a file replaced).
import { test } from "node:test";
import assert from "node:assert/strict";
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { encodeEvent } from "../../../src/core/tfevent/event.js";
import { frameRecord } from "../../../src/core/tfevent/tfrecord.js";
import { bytesField, doubleField, stringField, varintField } from "../../../src/core/tfevent/wire.js";
import type { Series } from "../../../src/core/view/downsample.js";
import { SeriesCache } from "../../../src/core/view/event-series.js";

/** A series' columns as plain arrays, to compare. */
const plain = (s: Series | undefined) => s && { step: [...s.step], value: [...s.value], time: [...s.time] };
const steps = (s: Series | undefined) => s && [...s.step];

function withRunDir(fn: (dir: string) => void): void {
  const dir = mkdtempSync(join(tmpdir(), "view-series-"));
  try {
    mkdirSync(join(dir, ".guild"));
    fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const ours = (step: number, tag: string, value: number) => frameRecord(encodeEvent({ wallTime: 100 + step, step, scalars: [{ tag, value }] }));

/** A TensorFlow 2 scalar: a Value with a one-element DT_DOUBLE tensor (no simple_value). */
function tf2(step: number, tag: string, value: number): Buffer {
  const content = Buffer.alloc(8);
  content.writeDoubleLE(value);
  const tensor = [...varintField(1, 2n), ...bytesField(2, []), ...bytesField(4, content)];
  const summaryValue = [...stringField(1, tag), ...bytesField(8, tensor)];
  const event = [...doubleField(1, 200 + step), ...varintField(2, BigInt(step)), ...bytesField(5, bytesField(1, summaryValue))];
  return frameRecord(Uint8Array.from(event));
}

test("series of our files and TensorFlow's, keyed as Guild keys them", () => {
  withRunDir((dir) => {
    writeFileSync(join(dir, ".guild", "events.out.tfevents.1.a"), Buffer.concat([ours(1, "loss", 0.5), ours(2, "loss", 0.25)]));
    mkdirSync(join(dir, "eval"));
    writeFileSync(join(dir, "eval", "events.out.tfevents.2.b"), Buffer.concat([tf2(0, "val/acc", 0.75), tf2(5, "val/acc", 0.875)]));
    const s = new SeriesCache().runSeries(dir).byKey;
    assert.deepEqual([...s.keys()], ["loss", "eval#val/acc"]);
    assert.deepEqual(plain(s.get("loss")), { step: [1, 2], value: [0.5, 0.25], time: [101, 102] });
    assert.deepEqual(plain(s.get("eval#val/acc")), { step: [0, 5], value: [0.75, 0.875], time: [200, 205] });
  });
});

test("a growing file is read from where it was left; a torn record waits for its end", () => {
  withRunDir((dir) => {
    const file = join(dir, ".guild", "events.out.tfevents.1.a");
    const cache = new SeriesCache();
    writeFileSync(file, ours(1, "loss", 1));
    assert.deepEqual(steps(cache.runSeries(dir).byKey.get("loss")), [1]);
    const next = ours(2, "loss", 0.5);
    appendFileSync(file, next.subarray(0, 10));
    assert.deepEqual(steps(cache.runSeries(dir).byKey.get("loss")), [1]);
    appendFileSync(file, Buffer.concat([next.subarray(10), ours(3, "loss", 0.25)]));
    assert.deepEqual(plain(cache.runSeries(dir).byKey.get("loss")), { step: [1, 2, 3], value: [1, 0.5, 0.25], time: [101, 102, 103] });
    assert.deepEqual(steps(cache.runSeries(dir).byKey.get("loss")), [1, 2, 3], "an unchanged file adds nothing");
  });
});

test("a file replaced by a shorter one is read again from the start", () => {
  withRunDir((dir) => {
    const file = join(dir, ".guild", "events.out.tfevents.1.a");
    const cache = new SeriesCache();
    writeFileSync(file, Buffer.concat([ours(1, "a", 1), ours(2, "a", 2)]));
    assert.equal(cache.runSeries(dir).byKey.get("a")?.step.length, 2);
    writeFileSync(file, ours(7, "b", 3));
    const s = cache.runSeries(dir).byKey;
    assert.deepEqual([...s.keys()], ["b"]);
    rmSync(file);
    assert.equal(cache.runSeries(dir).byKey.size, 0);
  });
});
