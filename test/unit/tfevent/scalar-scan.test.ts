// The fast scalar scanner (scalar-scan.ts) against the reference reader it
// stands in for (readRecords + decodeEventScalars, skipping records that
// are not Events): on generated event files mixing our simple_value events,
// TensorFlow 2 tensor scalars, hparams plugin events, odd field orders,
// repeated and unknown fields, odd values and steps and plain garbage, both
// must give the same scalars, bit for bit, and stop at the same byte: a
// torn or corrupt record (bad length or data CRC) ends what is read.
import { test } from "node:test";
import assert from "node:assert/strict";
import { decodeEventScalars, encodeEvent } from "../../../src/core/tfevent/event.js";
import { experimentEvent, sessionEndEvent, sessionStartEvent } from "../../../src/core/tfevent/hparams.js";
import { columnsPoints, scanEventScalars, ScalarTable } from "../../../src/core/tfevent/scalar-scan.js";
import { frameRecord, readRecords } from "../../../src/core/tfevent/tfrecord.js";
import { bytesField, doubleField, floatField, stringField, varintField } from "../../../src/core/tfevent/wire.js";
import { seededRandom } from "../../helpers/seeded-random.js";


/** Each tag's points (step, value, wall time) in file order, tags in order of first appearance. */
type ByTag = [tag: string, points: [number, number, number][]][];

function reference(buf: Buffer): { byTag: ByTag; consumed: number } {
  const byTag = new Map<string, [number, number, number][]>();
  let consumed = 0;
  for (const record of readRecords(buf)) {
    consumed += record.length + 16;
    let scalars;
    try {
      scalars = decodeEventScalars(record);
    } catch {
      continue;
    }
    for (const s of scalars) {
      if (!byTag.has(s.tag)) byTag.set(s.tag, []);
      byTag.get(s.tag)?.push([s.step, s.value, s.wallTime]);
    }
  }
  return { byTag: [...byTag], consumed };
}

function points(table: ScalarTable): ByTag {
  return [...table.byTag].map(([tag, c]) => {
    const p = columnsPoints(c);
    return [tag, Array.from(p.step, (step, i): [number, number, number] => [step, p.value[i] as number, p.time[i] as number])];
  });
}

function scanned(buf: Buffer): { byTag: ByTag; consumed: number } {
  const table = new ScalarTable();
  const consumed = scanEventScalars(buf, table);
  return { byTag: points(table), consumed };
}

const TAGS = ["loss", "acc", "val/loss", "train/lr/group 1", "", "é/ü", "a".repeat(200)];
const VALUES = [0, -0, 1, -1.5, 0.1, 3.4e38, 1e-45, Infinity, -Infinity, NaN, 123456.789];
const STEPS = [0, 1, 7, 127, 128, 300, 2 ** 31, 2 ** 48 - 1, 2 ** 49, 2 ** 53 - 1, -1, -(2 ** 40)];

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)] as T;
}

/** A TensorProto scalar: float or double, in tensor_content or *_val, with a shape of [], [1] or (not a scalar) [2]. */
function tensor(r: () => number, value: number): number[] {
  const dtype = pick(r, [1, 1, 2, 2, 3]);
  const shape = pick(r, [[], [], [1], [2]]);
  const dims = shape.flatMap((n) => bytesField(2, varintField(1, BigInt(n))));
  const out = [...varintField(1, BigInt(dtype)), ...bytesField(2, dims)];
  const raw = Buffer.alloc(dtype === 2 ? 8 : 4);
  if (dtype === 2) raw.writeDoubleLE(value);
  else raw.writeFloatLE(value);
  if (r() < 0.5) return [...out, ...bytesField(4, raw)];
  return [...out, ...(dtype === 2 ? doubleField(6, value) : floatField(5, value))];
}

/** A Summary.Value: mostly tag + simple_value, sometimes a tensor, a missing or repeated field, or metadata. */
function summaryValue(r: () => number): number[] {
  const tag = stringField(1, pick(r, TAGS));
  const value = pick(r, VALUES);
  const x = r();
  if (x < 0.6) return r() < 0.9 ? [...tag, ...floatField(2, value)] : [...floatField(2, value), ...tag];
  if (x < 0.75) return [...tag, ...bytesField(8, tensor(r, value))];
  if (x < 0.8) return [...floatField(2, value)];
  if (x < 0.85) return [...tag];
  if (x < 0.9) return [...tag, ...floatField(2, value), ...floatField(2, pick(r, VALUES))];
  if (x < 0.95) return [...tag, ...stringField(1, "second"), ...floatField(2, value)];
  return [...tag, ...bytesField(9, stringField(1, "plugin")), ...floatField(2, value)];
}

/** An Event's fields in a random order, with now and then an unknown or repeated one. */
function event(r: () => number): Uint8Array {
  const parts: number[][] = [doubleField(1, 1.7e9 + r() * 1e6)];
  if (r() < 0.9) parts.push(varintField(2, BigInt(pick(r, STEPS))));
  if (r() < 0.1) parts.push(stringField(3, "brain.Event:2"));
  const values = Math.floor(r() * 4);
  if (values || r() < 0.5) parts.push(bytesField(5, Array.from({ length: values }, () => bytesField(1, summaryValue(r))).flat()));
  if (r() < 0.05) parts.push(bytesField(5, bytesField(1, summaryValue(r))));
  if (r() < 0.05) parts.push(stringField(6, "log message"));
  if (r() < 0.05) parts.push(varintField(2, BigInt(pick(r, STEPS))));
  if (r() < 0.05) parts.push(doubleField(1, 5));
  if (r() < 0.2) parts.sort(() => r() - 0.5);
  return Uint8Array.from(parts.flat());
}

function record(r: () => number): Uint8Array {
  const x = r();
  if (x < 0.7) return encodeEvent({ wallTime: 1.7e9 + r(), step: pick(r, STEPS), scalars: [{ tag: pick(r, TAGS), value: pick(r, VALUES) }] });
  if (x < 0.9) return event(r);
  if (x < 0.93) return encodeEvent({ wallTime: 1, fileVersion: "brain.Event:2" });
  if (x < 0.95) return pick(r, [sessionStartEvent("g", { lr: 0.1, opt: "adam", on: true }, 1, 2), sessionEndEvent(1, 3), experimentEvent([{ name: "lr", values: [0.1] }], ["loss"], 1, 2)]);
  // Not an Event at all: random bytes, often malformed as protobuf.
  return Uint8Array.from({ length: Math.floor(r() * 40) }, () => Math.floor(r() * 256));
}

function file(r: () => number, records: number): Buffer {
  return Buffer.concat(Array.from({ length: records }, () => frameRecord(record(r))));
}

test("the scanner reads exactly what the reference reader reads, on 300 generated files", () => {
  for (let seed = 1; seed <= 300; seed++) {
    const buf = file(seededRandom(seed), 1 + (seed % 60));
    const want = reference(buf);
    assert.deepStrictEqual(scanned(buf), want, `seed ${seed}`);
    assert.ok(want.consumed === buf.length, `seed ${seed}: every record is whole`);
  }
});

test("a torn or corrupt record ends the scan where it ends the reference", () => {
  for (let seed = 1; seed <= 200; seed++) {
    const r = seededRandom(1000 + seed);
    const good = file(r, 20);
    const bad = Buffer.from(good);
    const at = Math.floor(r() * bad.length);
    const torn = r() < 0.3;
    const buf = torn ? bad.subarray(0, at) : bad;
    if (!torn) bad[at] = (bad[at] as number) ^ (1 << Math.floor(r() * 8));
    const want = reference(buf);
    assert.ok(want.consumed < good.length, `seed ${seed}: the damage is seen`);
    assert.deepStrictEqual(scanned(buf), want, `seed ${seed}`);
  }
});

test("the common events are read by the scanner, with the reference's values", () => {
  const buf = Buffer.concat([
    frameRecord(encodeEvent({ wallTime: 1.5, fileVersion: "brain.Event:2" })),
    frameRecord(encodeEvent({ wallTime: 2, step: 300, scalars: [{ tag: "val/loss", value: 0.1 }, { tag: "acc", value: NaN }] })),
    frameRecord(encodeEvent({ wallTime: 3, step: -2, scalars: [{ tag: "loss", value: -0 }] })),
  ]);
  assert.deepStrictEqual(scanned(buf).byTag, [
    ["val/loss", [[300, Math.fround(0.1), 2]]],
    ["acc", [[300, NaN, 2]]],
    ["loss", [[-2, -0, 3]]],
  ]);
});

/** `n` events: `loss` at every step, `acc` at every `accEvery`th from `accFrom` on (both in one event when they meet). */
function steps(n: number, accEvery: number, accFrom = 0): Buffer {
  return Buffer.concat(
    Array.from({ length: n }, (_v, step) => {
      const scalars = [{ tag: "loss", value: 1 / (step + 1) }];
      if (step >= accFrom && step % accEvery === 0) scalars.push({ tag: "acc", value: step / n });
      return frameRecord(encodeEvent({ wallTime: 1.7e9 + step, step, scalars }));
    }),
  );
}

test("read in pieces, as a growing file is, the columns hold what one read gives, with bounded spare room", () => {
  const cases: [name: string, buf: Buffer, cuts: number[]][] = [
    ["one read", steps(3000, 1), []],
    ["a rare tag", steps(3000, 100), []],
    ["a tag first seen late", steps(3000, 1, 2900), []],
    ["many small reads", steps(500, 3), [37, 1000, 1001, 5000, 9999, 20000]],
    ["a read that ends mid-record", steps(2000, 7), [12345, 12346, 50000]],
    ["past the first room (16,384 points)", steps(20_000, 2), [600_000]],
  ];
  for (const [name, buf, cuts] of cases) {
    const table = new ScalarTable();
    let offset = 0;
    for (const cut of [...cuts.filter((c) => c < buf.length), buf.length]) {
      offset += scanEventScalars(buf.subarray(offset, cut), table);
      for (const [tag, c] of table.byTag) assert.ok(c.step.length <= 2 * c.length + 64, `${name}: ${tag} keeps ${c.step.length} slots for ${c.length} points`);
    }
    assert.equal(offset, buf.length, name);
    assert.deepStrictEqual(points(table), reference(buf).byTag, name);
  }
});

test("columnsPoints: the same views until the columns grow", () => {
  const table = new ScalarTable();
  const buf = steps(10, 1);
  scanEventScalars(buf, table);
  const loss = table.byTag.get("loss");
  assert.ok(loss);
  const first = columnsPoints(loss);
  assert.equal(columnsPoints(loss), first);
  assert.equal(first.step.length, 10);
  scanEventScalars(steps(2, 1), table);
  assert.notEqual(columnsPoints(loss), first);
  assert.deepEqual([...columnsPoints(loss).step], [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1]);
});

test("a tag's bytes are kept as a copy: a read buffer used again for the next read does not change them", () => {
  const record = (tag: string) => frameRecord(encodeEvent({ wallTime: 1, step: 1, scalars: [{ tag, value: 0.5 }] }));
  const table = new ScalarTable();
  const buf = Buffer.from(record("loss"));
  scanEventScalars(buf, table);
  // The same buffer, overwritten with the next read's bytes (as SeriesCache reuses its read buffer).
  record("lost").copy(buf);
  scanEventScalars(buf, table);
  assert.deepEqual([...table.byTag].map(([tag, c]) => [tag, c.length]), [["loss", 1], ["lost", 1]]);
});
