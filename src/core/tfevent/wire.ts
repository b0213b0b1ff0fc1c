/**
 * The few protobuf wire-format pieces the event files need, by hand: a
 * dependency on a protobuf library (and on TensorFlow's .proto files) is not
 * worth it for an Event with a handful of fields.
 *
 * Wire types: 0 varint, 1 fixed 64-bit, 2 length-delimited, 5 fixed 32-bit.
 * A field's key is `(number << 3) | wireType`, itself a varint.
 */

export const WIRE = { VARINT: 0, FIXED64: 1, BYTES: 2, FIXED32: 5 } as const;

export function varint(value: bigint): number[] {
  // Negative int64 values are sent as their 64-bit two's complement.
  let v = BigInt.asUintN(64, value);
  const out: number[] = [];
  do {
    let byte = Number(v & 0x7fn);
    v >>= 7n;
    if (v) byte |= 0x80;
    out.push(byte);
  } while (v);
  return out;
}

export function key(field: number, wireType: number): number[] {
  return varint(BigInt((field << 3) | wireType));
}

export function varintField(field: number, value: bigint): number[] {
  return [...key(field, WIRE.VARINT), ...varint(value)];
}

export function doubleField(field: number, value: number): number[] {
  const buf = Buffer.alloc(8);
  buf.writeDoubleLE(value);
  return [...key(field, WIRE.FIXED64), ...buf];
}

export function floatField(field: number, value: number): number[] {
  const buf = Buffer.alloc(4);
  buf.writeFloatLE(value);
  return [...key(field, WIRE.FIXED32), ...buf];
}

export function bytesField(field: number, bytes: Uint8Array | readonly number[]): number[] {
  return [...key(field, WIRE.BYTES), ...varint(BigInt(bytes.length)), ...bytes];
}

export function stringField(field: number, s: string): number[] {
  return bytesField(field, Buffer.from(s, "utf8"));
}

/** One decoded field: varints as bigint, fixed and length-delimited as bytes. */
export interface WireField {
  field: number;
  wireType: number;
  varint?: bigint;
  bytes?: Buffer;
}

/** The fields of a message, in order; throws on malformed input. */
export function decodeFields(buf: Buffer): WireField[] {
  const fields: WireField[] = [];
  let pos = 0;
  const readVarint = (): bigint => {
    let result = 0n;
    for (let shift = 0n; ; shift += 7n) {
      if (pos >= buf.length || shift > 63n) throw new Error("truncated varint");
      const byte = buf[pos++] as number;
      result |= BigInt(byte & 0x7f) << shift;
      if (!(byte & 0x80)) return result;
    }
  };
  const take = (n: number): Buffer => {
    if (pos + n > buf.length) throw new Error("truncated field");
    const bytes = buf.subarray(pos, pos + n);
    pos += n;
    return bytes;
  };
  while (pos < buf.length) {
    const k = Number(readVarint());
    const field = k >>> 3;
    const wireType = k & 7;
    if (wireType === WIRE.VARINT) fields.push({ field, wireType, varint: readVarint() });
    else if (wireType === WIRE.FIXED64) fields.push({ field, wireType, bytes: take(8) });
    else if (wireType === WIRE.BYTES) fields.push({ field, wireType, bytes: take(Number(readVarint())) });
    else if (wireType === WIRE.FIXED32) fields.push({ field, wireType, bytes: take(4) });
    else throw new Error(`unsupported wire type ${wireType}`);
  }
  return fields;
}
