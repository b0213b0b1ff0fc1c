/**
 * Scalar series of a run, for charts: every point of every tag (step,
 * value, wall time), read from the run's event files (ours and
 * TensorBoard's, through core/tfevent). Each file is read incrementally:
 * a file that grew is read from where its last complete record ended, and
 * an unchanged file (same size and mtime) is not read at all. A file that
 * shrank or was replaced is read again from the start.
 */
import { statSync } from "node:fs";
import { join } from "node:path";
import { columnsPoints, scanEventScalars, ScalarTable } from "../tfevent/scalar-scan.js";
import { readFileRangeInto } from "../util/read-range.js";
import { eventFiles } from "./event-files.js";
import type { Series } from "./downsample.js";

interface FileState {
  size: number;
  mtimeMs: number;
  /** Bytes consumed: the end of the last complete record. */
  offset: number;
  /** Tag → its points. */
  table: ScalarTable;
}

export interface RunSeries {
  /** Scalar key (`loss`, `eval#acc`) → its points in file order. */
  byKey: Map<string, Series>;
}

// Reads up to this size go through one buffer kept for the purpose: the
// scanner copies out what it keeps, and a fresh (zeroed, page-faulted)
// buffer per file was a tenth of a cold compare's read.
const SCRATCH_LIMIT = 16 * 1024 * 1024;

/** Keeps what was read of each event file between calls. */
export class SeriesCache {
  readonly #files = new Map<string, FileState>();
  #scratch = Buffer.alloc(0);

  /**
   * Every key's series for a run (files merged in name order). A key found
   * in one file only is a view of that file's cached columns, not a copy
   * (the same object until the file grows): callers only read it, and most
   * runs have one event file.
   */
  runSeries(runDir: string): RunSeries {
    const byKey = new Map<string, Series>();
    for (const f of eventFiles(runDir)) {
      const state = this.#fileState(join(runDir, f.path));
      if (!state) continue;
      for (const [tag, c] of state.table.byTag) appendSeries(byKey, f.key(tag), columnsPoints(c));
    }
    return { byKey };
  }

  #fileState(path: string): FileState | undefined {
    const st = statSync(path, { throwIfNoEntry: false });
    if (!st) {
      this.#files.delete(path);
      return undefined;
    }
    let state = this.#files.get(path);
    if (state && state.size === st.size && state.mtimeMs === st.mtimeMs) return state;
    if (!state || st.size < state.offset || (st.size === state.size && st.mtimeMs !== state.mtimeMs)) {
      state = { size: 0, mtimeMs: 0, offset: 0, table: new ScalarTable() };
      this.#files.set(path, state);
    }
    state.offset += scanEventScalars(this.#read(path, state.offset, st.size - state.offset), state.table);
    state.size = st.size;
    state.mtimeMs = st.mtimeMs;
    return state;
  }

  /** `length` bytes of `path` from `start`, valid until the next read. */
  #read(path: string, start: number, length: number): Buffer {
    if (length > SCRATCH_LIMIT) return readFileRangeInto(path, start, Buffer.allocUnsafe(length));
    if (this.#scratch.length < length) this.#scratch = Buffer.allocUnsafe(Math.min(SCRATCH_LIMIT, Math.max(length, 2 * this.#scratch.length)));
    return readFileRangeInto(path, start, this.#scratch.subarray(0, length));
  }
}

/** Adds `s` under `key`; a second file's points go into a copy, never into a cached series. */
function appendSeries(byKey: Map<string, Series>, key: string, s: Series): void {
  const into = byKey.get(key);
  if (!into) {
    byKey.set(key, s);
    return;
  }
  byKey.set(key, { step: concat(into.step, s.step), value: concat(into.value, s.value), time: concat(into.time, s.time) });
}

function concat(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
