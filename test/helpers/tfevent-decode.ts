/**
 * An independent reader of TensorBoard event files for tests: written from
 * the format's description (TFRecord framing, TensorFlow's masked CRC-32C,
 * event.proto / summary.proto field numbers), sharing no code with
 * src/core/tfevent so that a bug there cannot hide itself.
 */

/** Bit-at-a-time CRC-32C (no table, unlike the writer). */
export function crc32cBitwise(bytes: Uint8Array): number {
  let crc = ~0 >>> 0;
  for (const b of bytes) {
    crc ^= b;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0x82f63b78 : crc >>> 1;
  }
  return ~crc >>> 0;
}

function masked(bytes: Uint8Array): number {
  const c = crc32cBitwise(bytes);
  const rotated = ((c >>> 15) | (c << 17)) >>> 0;
  return (rotated + 0xa282ead8) % 0x100000000;
}

/** Splits a file into record payloads, asserting every length and data CRC. */
export function decodeRecords(file: Buffer): Buffer[] {
  const out: Buffer[] = [];
  let at = 0;
  while (at < file.length) {
    if (file.length - at < 16) throw new Error(`trailing ${file.length - at} bytes at ${at}`);
    const lenLo = file.readUInt32LE(at);
    const lenHi = file.readUInt32LE(at + 4);
    if (lenHi !== 0) throw new Error("record too long");
    if (file.readUInt32LE(at + 8) !== masked(file.subarray(at, at + 8))) throw new Error(`bad length crc at ${at}`);
    const data = file.subarray(at + 12, at + 12 + lenLo);
    if (data.length !== lenLo) throw new Error(`short record at ${at}`);
    if (file.readUInt32LE(at + 12 + lenLo) !== masked(data)) throw new Error(`bad data crc at ${at}`);
    out.push(data);
    at += 16 + lenLo;
  }
  return out;
}

export interface Field {
  no: number;
  type: number;
  int?: bigint;
  raw?: Buffer;
}

export function fields(buf: Buffer): Field[] {
  const out: Field[] = [];
  let i = 0;
  const uvarint = (): bigint => {
    let v = 0n;
    let shift = 0n;
    for (;;) {
      const b = buf[i++];
      if (b === undefined) throw new Error("varint past end");
      v += BigInt(b & 127) << shift;
      shift += 7n;
      if (b < 128) return v;
    }
  };
  while (i < buf.length) {
    const tag = uvarint();
    const no = Number(tag >> 3n);
    const type = Number(tag & 7n);
    if (type === 0) out.push({ no, type, int: uvarint() });
    else if (type === 1) (out.push({ no, type, raw: buf.subarray(i, i + 8) }), (i += 8));
    else if (type === 5) (out.push({ no, type, raw: buf.subarray(i, i + 4) }), (i += 4));
    else if (type === 2) {
      const n = Number(uvarint());
      out.push({ no, type, raw: buf.subarray(i, i + n) });
      i += n;
    } else throw new Error(`wire type ${type}`);
    if (i > buf.length) throw new Error("field past end");
  }
  return out;
}

export interface DecodedEvent {
  wallTime?: number;
  step?: bigint;
  fileVersion?: string;
  values?: { tag: string; simpleValue?: number }[];
  unknownFields: number[];
}

/** Event: 1 wall_time (double), 2 step (int64), 3 file_version, 5 summary; Summary.Value: 1 tag, 2 simple_value (float). */
export function decodeEvent(record: Buffer): DecodedEvent {
  const e: DecodedEvent = { unknownFields: [] };
  for (const f of fields(record)) {
    if (f.no === 1 && f.type === 1) e.wallTime = f.raw?.readDoubleLE(0);
    else if (f.no === 2 && f.type === 0) e.step = BigInt.asIntN(64, f.int ?? 0n);
    else if (f.no === 3 && f.type === 2) e.fileVersion = f.raw?.toString("utf8");
    else if (f.no === 5 && f.type === 2) e.values = summaryValues(f.raw as Buffer);
    else e.unknownFields.push(f.no);
  }
  return e;
}

function summaryValues(summary: Buffer): { tag: string; simpleValue?: number }[] {
  return fields(summary)
    .filter((f) => f.no === 1 && f.type === 2)
    .map((v) => {
      const out: { tag: string; simpleValue?: number } = { tag: "" };
      for (const f of fields(v.raw as Buffer)) {
        if (f.no === 1) out.tag = f.raw?.toString("utf8") ?? "";
        if (f.no === 2 && f.type === 5) out.simpleValue = f.raw?.readFloatLE(0);
      }
      return out;
    });
}
