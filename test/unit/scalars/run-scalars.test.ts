// Reading scalars back (Guild's index: per-directory prefixes, TagSummary),
// and runs info's scalars: lines.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openEventWriter } from "../../../src/core/tfevent/event-writer.js";
import { eventDirs, runScalars } from "../../../src/core/scalars/run-scalars.js";
import { formatScalarValue, runInfoScalars } from "../../../src/core/scalars/info.js";

function withRunDir(fn: (dir: string) => void): void {
  const root = mkdtempSync(join(tmpdir(), "run-scalars-"));
  try {
    fn(root);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

function log(dir: string, points: [string, number, number | undefined][]): void {
  const w = openEventWriter(dir);
  for (const [tag, value, step] of points) w.addScalars([{ tag, value }], step);
  w.close();
}

test("summary per tag: last = highest step (ties: later), first = lowest step", () => {
  withRunDir((run) => {
    log(join(run, ".guild"), [["loss", 4, 2], ["loss", 3, 2], ["loss", 9, 1], ["loss", 1, undefined]]);
    const [loss] = runScalars(run);
    assert.deepEqual(
      { key: loss?.key, first: loss?.first, last: loss?.last, min: loss?.min, max: loss?.max, count: loss?.count, avg: loss?.avg },
      { key: "loss", first: { value: 1, step: 0 }, last: { value: 3, step: 2 }, min: { value: 1, step: 0 }, max: { value: 9, step: 1 }, count: 4, avg: 4.25 },
    );
  });
});

test("keys and order as runs info shows them; sys/ only when asked; links followed only to runs", () => {
  withRunDir((root) => {
    const run = join(root, "run");
    log(join(run, ".guild"), [["loss", 0.25, 3], ["sys/cpu", 1, 0]]);
    log(run, [["acc", 0.5, 1]]);
    log(join(run, "eval"), [["acc", 0.75, 2]]);
    const other = join(root, "other");
    log(join(other, ".guild"), [["x", 1, 0]]);
    symlinkSync(other, join(run, "not-a-run"));
    const trial = join(root, "trial");
    log(join(trial, ".guild"), [["y", 2, 0]]);
    writeFileSync(join(trial, ".guild", "opref"), "script:/p '' '' t.py\n");
    symlinkSync(trial, join(run, "trial"));
    mkdirSync(join(run, "empty"));
    const lines = (all: boolean) => runInfoScalars(run, all).map((s) => `${s.key}: ${formatScalarValue(s.value, s.step)}`);
    // runs info shows the run's own scalars; compare follows links to runs.
    assert.deepEqual(lines(false), ["acc: 0.500000 (step 1)", "loss: 0.250000 (step 3)", "eval#acc: 0.750000 (step 2)"]);
    assert.deepEqual(runScalars(run).map((s) => s.key), ["acc", "loss", "sys/cpu", "eval#acc", "trial/.guild#y"]);
    assert.deepEqual(lines(true).filter((l) => l.startsWith("sys/")), ["sys/cpu: 1.000000 (step 0)"]);
  });
});

test("eventDirs: a link back to a directory already walked is not walked again, whichever path the root is given by", () => {
  withRunDir((root) => {
    const run = join(root, "run");
    log(join(run, ".guild"), [["loss", 1, 0]]);
    log(join(run, "eval", "deep"), [["acc", 1, 0]]);
    writeFileSync(join(run, ".guild", "opref"), "script:/p '' '' t.py\n");
    symlinkSync(run, join(run, "eval", "back-to-run"));
    const trial = join(root, "trial");
    log(join(trial, ".guild"), [["y", 2, 0]]);
    writeFileSync(join(trial, ".guild", "opref"), "script:/p '' '' t.py\n");
    symlinkSync(trial, join(run, "trial"));
    symlinkSync(run, join(trial, "up"));
    symlinkSync(run, join(root, "run-link"));
    const want = [".guild", "eval/deep", "trial/.guild"];
    for (const start of [run, join(root, "run-link")]) {
      const dirs = eventDirs(start, false).map((d) => d.slice(start.length + 1));
      assert.deepEqual(dirs, want, start);
    }
  });
});
