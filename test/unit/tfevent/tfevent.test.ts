// Event-file encoding: CRC-32C test vectors (RFC 3720 B.4), and records the
// writer frames read back by our reader.
import { test } from "node:test";
import assert from "node:assert/strict";
import { crc32c } from "../../../src/core/tfevent/crc32c.js";
import { decodeEventScalars, encodeEvent } from "../../../src/core/tfevent/event.js";
import { frameRecord, readRecords } from "../../../src/core/tfevent/tfrecord.js";
import { eventFileName } from "../../../src/core/tfevent/event-writer.js";
import { crc32cBitwise } from "../../helpers/tfevent-decode.js";

test("crc32c: known vectors", () => {
  const cases: [Uint8Array, number][] = [
    [Buffer.from("123456789"), 0xe3069283],
    [new Uint8Array(32), 0x8a9136aa],
    [new Uint8Array(32).fill(0xff), 0x62a8ab43],
    [Uint8Array.from({ length: 32 }, (_, i) => i), 0x46dd794e],
    [new Uint8Array(0), 0],
  ];
  for (const [bytes, want] of cases) assert.equal(crc32c(bytes), want);
});

test("crc32c of any range equals a bit-at-a-time CRC of those bytes", () => {
  const bytes = Uint8Array.from({ length: 300 }, (_, i) => (i * 131 + 7) & 0xff);
  for (let start = 0; start < 20; start++) {
    for (let end = start; end <= 300; end += 1 + (end % 7)) {
      assert.equal(crc32c(bytes, start, end), crc32cBitwise(bytes.subarray(start, end)), `[${start}, ${end})`);
    }
  }
});

test("records round trip; a torn or corrupt record ends the file", () => {
  const events = [
    encodeEvent({ wallTime: 1.5, fileVersion: "brain.Event:2" }),
    encodeEvent({ wallTime: 2, step: 3, scalars: [{ tag: "loss", value: 0.25 }] }),
    encodeEvent({ wallTime: 3, step: -1, scalars: [{ tag: "a", value: 1 }, { tag: "b", value: -2 }] }),
  ];
  const file = Buffer.concat(events.map(frameRecord));
  assert.deepEqual(readRecords(file).map((r) => decodeEventScalars(r)), [
    [],
    [{ tag: "loss", value: 0.25, step: 3, wallTime: 2 }],
    [{ tag: "a", value: 1, step: -1, wallTime: 3 }, { tag: "b", value: -2, step: -1, wallTime: 3 }],
  ]);
  assert.equal(readRecords(file.subarray(0, file.length - 1)).length, 2);
  const corrupt = Buffer.from(file);
  corrupt.writeUInt8((corrupt.at(-6) ?? 0) ^ 1, corrupt.length - 6);
  assert.equal(readRecords(corrupt).length, 2);
});

test("float32 values and steps as Guild writes them", () => {
  const [s] = decodeEventScalars(Buffer.from(encodeEvent({ wallTime: 0, step: 2.9, scalars: [{ tag: "x", value: 0.1 }] })));
  assert.equal(s?.value, Math.fround(0.1));
  assert.equal(s?.step, 2);
});

test("event file names", () => {
  assert.equal(eventFileName(1595886484123, "host", 42, 0), "events.out.tfevents.1595886484.host.42.0");
});
