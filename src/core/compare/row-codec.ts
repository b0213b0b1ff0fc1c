/**
 * A run's compare data (run-data.ts) as the row cache stores it in JSON:
 * short keys and flat arrays, since a store of 1,000 runs is read in one
 * parse on every call. Decoding checks the shape of what it reads and
 * answers undefined for anything it would not have written. Pure.
 */
import type { OpRef } from "../store/opref.js";
import { scalarKey } from "../scalars/run-scalars.js";
import type { FlagValue } from "../flags/value.js";
import { ROW_ATTRS, type EventDirData, type FileKey, type RowAttr, type RunData, type StampedRunData } from "./run-data.js";
import { decodeValue, encodeValue, type Encoded } from "./value-codec.js";

const NON_FINITE = new Set(["NaN", "Infinity", "-Infinity"]);
/** Numbers a summary keeps: first value/step, last, min, max, total, count. */
const PER_TAG = 10;

/**
 * An event directory: prefix, files, tags, then their numbers (`PER_TAG`
 * a tag, all finite so JSON.parse makes an unboxed array of doubles; a
 * non-finite one is 0 there and listed in the last item as `[index, "NaN"]`).
 */
type StoredDir = [string, FileKey[], string[], number[], [number, string][]];

export interface StoredRow {
  /**
   * Stamps (stamps.ts) of the row's stamped paths but its event files,
   * which the cache file keeps apart (runs laid out alike share them):
   * the event files' stamps are their keys in `e`.
   */
  s: number[];
  /** Attributes (value-codec.ts). */
  a: Record<string, Encoded>;
  /** opref and proto opref fields, or null. */
  o: string[] | null;
  r: string[] | null;
  b: boolean;
  e: StoredDir[];
}

/** A row to store and its stamped paths but the event files' (see StoredRow). */
export interface EncodedRow {
  head: string[];
  row: StoredRow;
}

export function encodeRunData({ data, paths, stamps }: StampedRunData): EncodedRow | undefined {
  const head = headLength(data, paths, stamps);
  if (head === undefined) return undefined;
  const a: Record<string, Encoded> = {};
  for (const name of ROW_ATTRS) {
    if (!(name in data.attrs)) continue;
    const e = encodeValue(data.attrs[name]);
    if (e === undefined) return undefined;
    a[name] = e;
  }
  const row: StoredRow = {
    s: stamps.slice(0, 2 * head),
    a,
    o: data.opref ? oprefFields(data.opref) : null,
    r: data.protoRef ? oprefFields(data.protoRef) : null,
    b: data.batch,
    e: data.eventDirs.map(storedDir),
  };
  return { head: paths.slice(0, head), row };
}

/**
 * How many of `paths` come before the event files, which run-data.ts
 * stamps last, each with the stamp its key holds; undefined if they are
 * not so (then the row is not stored).
 */
function headLength(data: RunData, paths: readonly string[], stamps: readonly number[]): number | undefined {
  let i = paths.length - data.eventDirs.reduce((n, d) => n + d.files.length, 0);
  if (i < 0 || stamps.length !== 2 * paths.length) return undefined;
  const head = i;
  for (const { prefix, files } of data.eventDirs) {
    for (const [name, size, ctime] of files) {
      if (paths[i] !== (prefix === "" ? name : `${prefix}/${name}`)) return undefined;
      if (stamps[2 * i] !== ctime || stamps[2 * i + 1] !== size) return undefined;
      i++;
    }
  }
  return head;
}

/** Whether `v` has the stamps a stored row needs before they are checked. */
export function isStoredRow(v: unknown): v is StoredRow {
  const row = v as StoredRow;
  return typeof row === "object" && row !== null && Array.isArray(row.s);
}

export function decodeRunData(row: StoredRow): RunData | undefined {
  try {
    const attrs: Partial<Record<RowAttr, FlagValue>> = {};
    if (typeof row.a !== "object" || row.a === null) return undefined;
    for (let i = 0; i < ROW_ATTRS.length; i++) {
      const name = ROW_ATTRS[i] as RowAttr;
      if (Object.hasOwn(row.a, name)) attrs[name] = decodeValue(row.a[name]);
    }
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
  const f = v as string[];
  return { pkgType: f[0] as string, pkgName: f[1] as string, pkgVersion: f[2] as string, modelName: f[3] as string, opName: f[4] as string };
}

function storedDir(d: EventDirData): StoredDir {
  const nums: number[] = [];
  const nonFinite: [number, string][] = [];
  for (const s of d.summaries) {
    const { first, last, min, max } = s;
    for (const x of [first.value, first.step, last.value, last.step, min.value, min.step, max.value, max.step, s.total, s.count]) {
      if (!Number.isFinite(x)) nonFinite.push([nums.length, String(x)]);
      nums.push(Number.isFinite(x) ? x : 0);
    }
  }
  return [d.prefix, d.files, d.summaries.map((s) => s.tag), nums, nonFinite];
}

function eventDirOf(v: unknown): EventDirData {
  if (!Array.isArray(v) || v.length !== 5) throw new Error("bad event dir");
  // Indexes, not destructuring (iterators), here and below: a call decodes
  // this for every run it shows.
  const prefix: unknown = v[0];
  const files: unknown = v[1];
  const tags: unknown = v[2];
  const stored: unknown = v[3];
  const nonFinite: unknown = v[4];
  if (typeof prefix !== "string" || !Array.isArray(files) || !files.every(isFileKey)) throw new Error("bad event dir");
  if (!Array.isArray(tags) || !Array.isArray(stored) || !Array.isArray(nonFinite)) throw new Error("bad event dir");
  if (stored.length !== tags.length * PER_TAG || !stored.every((n) => typeof n === "number")) throw new Error("bad numbers");
  let nums = stored as number[];
  if (nonFinite.length) {
    nums = [...nums];
    for (const item of nonFinite as unknown[]) {
      const [i, text] = Array.isArray(item) ? (item as unknown[]) : [];
      if (typeof i !== "number" || typeof text !== "string" || !NON_FINITE.has(text) || !(i in nums)) throw new Error("bad number");
      nums[i] = Number(text);
    }
  }
  const summaries = (tags as unknown[]).map((tag, t) => {
    if (typeof tag !== "string") throw new Error("bad tag");
    const x = (i: number) => nums[t * PER_TAG + i] as number;
    const at = (i: number) => ({ value: x(i), step: x(i + 1) });
    const total = x(8);
    const count = x(9);
    return { prefix, tag, key: scalarKey(prefix, tag), first: at(0), last: at(2), min: at(4), max: at(6), avg: total / count, total, count };
  });
  return { prefix, files, summaries };
}

function isFileKey(k: unknown): k is FileKey {
  return Array.isArray(k) && k.length === 3 && typeof k[0] === "string" && typeof k[1] === "number" && typeof k[2] === "number";
}
