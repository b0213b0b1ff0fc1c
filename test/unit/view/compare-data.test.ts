// The compare page's stats and thinned series are kept per cached series
// between requests: a run whose event file grows must still get its new
// points and its new last value, not the ones worked out before.
import { test } from "node:test";
import assert from "node:assert/strict";
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { encodeEvent } from "../../../src/core/tfevent/event.js";
import { frameRecord } from "../../../src/core/tfevent/tfrecord.js";
import type { RunRow } from "../../../src/core/runs/list.js";
import { compareData, seriesData } from "../../../src/core/view/compare-data.js";
import { SeriesCache } from "../../../src/core/view/event-series.js";
import { FactsCache } from "../../../src/core/view/run-facts.js";

const points = (from: number, to: number) =>
  Buffer.concat(Array.from({ length: to - from }, (_v, i) => frameRecord(encodeEvent({ wallTime: 100 + from + i, step: from + i, scalars: [{ tag: "loss", value: (from + i) / 4 }] }))));

test("stats and thinned series follow a growing event file", () => {
  const dir = mkdtempSync(join(tmpdir(), "view-compare-"));
  try {
    mkdirSync(join(dir, ".guild"));
    const file = join(dir, ".guild", "events.out.tfevents.1.a");
    writeFileSync(file, points(0, 40));
    const row = { id: "r1", dir, opDesc: "train", status: "running", label: "", tags: [] } as unknown as RunRow;
    const cache = new SeriesCache();
    const facts = new FactsCache();
    const stats = () => compareData([row], facts, cache).runs[0]?.scalars.loss;
    const thin = () => seriesData([row], [], cache, 10).r1?.loss;

    assert.deepEqual(stats(), { last: 39 / 4, step: 39, min: 0, max: 39 / 4, count: 40 });
    assert.equal(thin()?.step.at(-1), 39);
    assert.ok((thin()?.step.length ?? 0) <= 10);
    assert.equal(thin(), thin(), "an unchanged series is thinned once");

    appendFileSync(file, points(40, 60));
    assert.deepEqual(stats(), { last: 59 / 4, step: 59, min: 0, max: 59 / 4, count: 60 });
    assert.equal(thin()?.step.at(-1), 59);
    assert.equal(thin()?.value.at(-1), 59 / 4);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
