/**
 * A run's compare data (run-data.ts) as the row cache stores it in JSON:
 * short keys and flat arrays, since a store of 1,000 runs is read in one
 * parse on every call. Decoding checks the shape of what it reads and
 * answers undefined for anything it would not have written. Pure.
 */
import type { OpRef } from "../store/opref.js";
import { scalarKey, type ScalarSummary } from "../scalars/run-scalars.js";
import type { FlagValue } from "../flags/value.js";
import { ROW_ATTRS, type EventDirData, type FileKey, type RowAttr, type RunData, type StampedRunData } from "./run-data.js";
import { decodeValue, encodeValue, type Encoded } from "./value-codec.js";

const NON_FINITE = new Set(["NaN", "Infinity", "-Infinity"]);

/** tag, first value/step, last, min, max, total, count; non-finite values as strings. */
type StoredSummary = [string, ...(number | string)[]];

export interface StoredRow {
  /** Stamped paths and their stamps (stamps.ts). */
  p: string[];
  s: number[];
  /** Attributes (value-codec.ts). */
  a: Record<string, Encoded>;
  /** opref and proto opref fields, or null. */
  o: string[] | null;
  r: string[] | null;
  b: boolean;
  /** Event directories: prefix, files, summaries. */
  e: [string, FileKey[], StoredSummary[]][];
}

export function encodeRunData({ data, paths, stamps }: StampedRunData): StoredRow | undefined {
  const a: Record<string, Encoded> = {};
  for (const name of ROW_ATTRS) {
    if (!(name in data.attrs)) continue;
    const e = encodeValue(data.attrs[name]);
    if (e === undefined) return undefined;
    a[name] = e;
  }
  return {
    p: paths,
    s: stamps,
    a,
    o: data.opref ? oprefFields(data.opref) : null,
    r: data.protoRef ? oprefFields(data.protoRef) : null,
    b: data.batch,
    e: data.eventDirs.map((d) => [d.prefix, d.files, d.summaries.map(storedSummary)]),
  };
}

/** Whether `v` has the stamps a stored row needs before they are checked. */
export function isStoredRow(v: unknown): v is StoredRow {
  const row = v as StoredRow;
  return typeof row === "object" && row !== null && Array.isArray(row.p) && Array.isArray(row.s);
}

export function decodeRunData(row: StoredRow): RunData | undefined {
  try {
    const attrs: Partial<Record<RowAttr, FlagValue>> = {};
    if (typeof row.a !== "object" || row.a === null) return undefined;
    for (const name of ROW_ATTRS) if (Object.hasOwn(row.a, name)) attrs[name] = decodeValue(row.a[name]);
    const opref = oprefOf(row.o);
    const protoRef = oprefOf(row.r);
    if (opref === false || protoRef === false || typeof row.b !== "boolean" || !Array.isArray(row.e)) return undefined;
    return { attrs, opref, protoRef, batch: row.b, eventDirs: row.e.map(eventDirOf) };
  } catch {
    // Anything but what encodeRunData writes: not a hit.
    return undefined;
  }
}

function oprefFields(r: OpRef): string[] {
  return [r.pkgType, r.pkgName, r.pkgVersion, r.modelName, r.opName];
}

function oprefOf(v: unknown): OpRef | undefined | false {
  if (v === null) return undefined;
  if (!Array.isArray(v) || v.length !== 5 || !v.every((f) => typeof f === "string")) return false;
  const [pkgType, pkgName, pkgVersion, modelName, opName] = v as string[] as [string, string, string, string, string];
  return { pkgType, pkgName, pkgVersion, modelName, opName };
}

function storedSummary(s: ScalarSummary): StoredSummary {
  const n = (x: number) => (Number.isFinite(x) ? x : String(x));
  const { first, last, min, max } = s;
  return [s.tag, n(first.value), first.step, n(last.value), last.step, n(min.value), min.step, n(max.value), max.step, n(s.total), s.count];
}

function eventDirOf(v: unknown): EventDirData {
  if (!Array.isArray(v) || v.length !== 3) throw new Error("bad event dir");
  const [prefix, files, summaries] = v as [unknown, unknown, unknown];
  if (typeof prefix !== "string" || !Array.isArray(files) || !Array.isArray(summaries)) throw new Error("bad event dir");
  if (!files.every(isFileKey)) throw new Error("bad file key");
  return { prefix, files, summaries: summaries.map((s) => summaryOf(prefix, s)) };
}

function isFileKey(k: unknown): k is FileKey {
  return Array.isArray(k) && k.length === 3 && typeof k[0] === "string" && typeof k[1] === "number" && typeof k[2] === "number";
}

function summaryOf(prefix: string, v: unknown): ScalarSummary {
  if (!Array.isArray(v) || v.length !== 11 || typeof v[0] !== "string") throw new Error("bad summary");
  const x = v.slice(1).map((n: unknown) => {
    const num = typeof n === "string" && NON_FINITE.has(n) ? Number(n) : n;
    if (typeof num !== "number") throw new Error("bad number");
    return num;
  }) as number[];
  const at = (i: number) => ({ value: x[i] as number, step: x[i + 1] as number });
  const tag = v[0];
  const [total, count] = [x[8] as number, x[9] as number];
  return { prefix, tag, key: scalarKey(prefix, tag), first: at(0), last: at(2), min: at(4), max: at(6), avg: total / count, total, count };
}
