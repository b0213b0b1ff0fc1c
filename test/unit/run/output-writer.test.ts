// .guild/output and output.index (spec §1.6), and the per-stream complete
// lines the output-scalar sink gets.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openOutputWriter, type StreamId } from "../../../src/core/run/output-writer.js";
import { parseGuildfile } from "../../../src/core/guildfile/parse.js";

test("lines are split per stream, indexed once each, control bytes dropped", () => {
  const dir = mkdtempSync(join(tmpdir(), "output-writer-"));
  try {
    mkdirSync(join(dir, ".guild"));
    const lines: [string, StreamId][] = [];
    let closed = false;
    const w = openOutputWriter(dir, { line: (b, s) => lines.push([b.toString(), s]), close: () => (closed = true) });
    const chunks: [string, StreamId][] = [["lo", 0], ["err\n", 1], ["ss: 1\nst", 0], ["\u0007ep: 2\npartial", 0]];
    for (const [text, stream] of chunks) w.write(Buffer.from(text), stream);
    w.close();
    assert.deepEqual(lines, [["err\n", 1], ["loss: 1\n", 0], ["step: 2\n", 0]]);
    assert.ok(closed);
    assert.equal(readFileSync(join(dir, ".guild", "output"), "utf8"), chunks.map(([t]) => t).join(""));
    const index = readFileSync(join(dir, ".guild", "output.index"));
    assert.equal(index.length, 27);
    assert.deepEqual([index[8], index[17], index[26]], [1, 0, 0]);
    assert.ok(Math.abs(Number(index.readBigUInt64BE(0)) - Date.now()) < 60_000);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a sink that throws is dropped; output goes on", () => {
  const dir = mkdtempSync(join(tmpdir(), "output-writer-"));
  try {
    mkdirSync(join(dir, ".guild"));
    let calls = 0;
    const w = openOutputWriter(dir, { line: () => { calls++; throw new Error("boom"); }, close: () => {} });
    w.write(Buffer.from("a\nb\n"), 0);
    w.close();
    assert.equal(calls, 1);
    assert.equal(readFileSync(join(dir, ".guild", "output"), "utf8"), "a\nb\n");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("guild.yml output-scalars: stored in Guild's list form; other types are errors", () => {
  const ops = (outputScalars: unknown) => parseGuildfile({ train: { main: "t", "output-scalars": outputScalars } }, "/p/guild.yml", "/p", "d");
  assert.deepEqual(ops(false).guildfile?.models[0]?.operations[0]?.outputScalars, []);
  assert.deepEqual(ops("a (\\value)").guildfile?.models[0]?.operations[0]?.outputScalars, ["a (\\value)"]);
  assert.equal(ops(undefined).guildfile?.models[0]?.operations[0]?.outputScalars, null);
  assert.deepEqual(ops(true).errors, ["operations.train.output-scalars: expected a mapping, list, string, or no, got true"]);
});
