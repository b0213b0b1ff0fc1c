/**
 * TensorFlow `Event` messages (tensorflow/core/util/event.proto), only the
 * parts scalars need:
 *
 *   Event   1 wall_time double · 2 step int64 · 3 file_version string ·
 *           5 summary Summary
 *   Summary 1 value repeated Summary.Value
 *   Value   1 tag string · 2 simple_value float · 8 tensor TensorProto
 *   TensorProto 1 dtype enum (1 DT_FLOAT, 2 DT_DOUBLE) · 2 tensor_shape ·
 *           4 tensor_content bytes · 5 float_val · 6 double_val
 *   TensorShapeProto 2 dim repeated {1 size int64}
 *
 * Guild logs output scalars as `simple_value`; TensorFlow 2 scripts log
 * one-element float tensors, which Guild also reads as scalars.
 */
import { bytesField, decodeFields, doubleField, floatField, stringField, varintField, WIRE, type WireField } from "./wire.js";

export const FILE_VERSION = "brain.Event:2";

export interface ScalarValue {
  tag: string;
  value: number;
}

export interface EventData {
  wallTime: number;
  step?: number;
  fileVersion?: string;
  scalars?: readonly ScalarValue[];
}

export function encodeEvent(e: EventData): Uint8Array {
  const bytes = doubleField(1, e.wallTime);
  // proto3 leaves a zero step out; a reader sees 0 either way.
  const step = e.step === undefined || !Number.isFinite(e.step) ? 0 : Math.trunc(e.step);
  if (step) bytes.push(...varintField(2, BigInt(step)));
  if (e.fileVersion !== undefined) bytes.push(...stringField(3, e.fileVersion));
  if (e.scalars) bytes.push(...bytesField(5, encodeSummary(e.scalars)));
  return Uint8Array.from(bytes);
}

function encodeSummary(scalars: readonly ScalarValue[]): number[] {
  const out: number[] = [];
  for (const s of scalars) out.push(...bytesField(1, [...stringField(1, s.tag), ...floatField(2, s.value)]));
  return out;
}

export interface DecodedScalar {
  tag: string;
  value: number;
  step: number;
  wallTime: number;
}

/** The scalar values an event carries (none for events without a summary). */
export function decodeEventScalars(record: Buffer): DecodedScalar[] {
  let wallTime = 0;
  let step = 0;
  const values: ScalarValue[] = [];
  for (const f of decodeFields(record)) {
    if (f.field === 1 && f.bytes && f.wireType === WIRE.FIXED64) wallTime = f.bytes.readDoubleLE(0);
    else if (f.field === 2 && f.varint !== undefined) step = Number(BigInt.asIntN(64, f.varint));
    else if (f.field === 5 && f.bytes && f.wireType === WIRE.BYTES) values.push(...decodeSummary(f.bytes));
  }
  return values.map((v) => ({ ...v, step, wallTime }));
}

function decodeSummary(buf: Buffer): ScalarValue[] {
  const out: ScalarValue[] = [];
  for (const f of decodeFields(buf)) {
    if (f.field !== 1 || !f.bytes || f.wireType !== WIRE.BYTES) continue;
    const scalar = decodeValue(f.bytes);
    if (scalar) out.push(scalar);
  }
  return out;
}

function decodeValue(buf: Buffer): ScalarValue | undefined {
  let tag = "";
  let value: number | undefined;
  for (const f of decodeFields(buf)) {
    if (f.field === 1 && f.bytes) tag = f.bytes.toString("utf8");
    else if (f.field === 2 && f.bytes && f.wireType === WIRE.FIXED32) value = f.bytes.readFloatLE(0);
    else if (f.field === 8 && f.bytes && f.wireType === WIRE.BYTES) value = tensorScalar(f.bytes);
  }
  return value === undefined ? undefined : { tag, value };
}

const DT_FLOAT = 1n;
const DT_DOUBLE = 2n;

/** The value of a one-element float or double tensor; else undefined. */
function tensorScalar(buf: Buffer): number | undefined {
  const fields = decodeFields(buf);
  const dtype = fields.find((f) => f.field === 1)?.varint;
  if (dtype !== DT_FLOAT && dtype !== DT_DOUBLE) return undefined;
  if (elementCount(fields.find((f) => f.field === 2)?.bytes) !== 1) return undefined;
  const width = dtype === DT_FLOAT ? 4 : 8;
  const read = (b: Buffer) => (width === 4 ? b.readFloatLE(0) : b.readDoubleLE(0));
  const content = fields.find((f) => f.field === 4)?.bytes;
  if (content && content.length >= width) return read(content);
  const vals = fields.filter((f) => f.field === (width === 4 ? 5 : 6));
  const first = vals[0]?.bytes;
  return first && first.length >= width ? read(first) : undefined;
}

function elementCount(shape: Buffer | undefined): number {
  if (!shape) return 1;
  let count = 1;
  for (const dim of decodeFields(shape).filter((f: WireField) => f.field === 2 && f.bytes)) {
    const size = decodeFields(dim.bytes as Buffer).find((f) => f.field === 1)?.varint ?? 0n;
    count *= Number(size);
  }
  return count;
}
