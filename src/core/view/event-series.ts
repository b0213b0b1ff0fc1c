/**
 * Scalar series of a run, for charts: every point of every tag (step,
 * value, wall time), read from the run's event files (ours and
 * TensorBoard's, through core/tfevent). Each file is read incrementally:
 * a file that grew is read from where its last complete record ended, and
 * an unchanged file (same size and mtime) is not read at all. A file that
 * shrank or was replaced is read again from the start.
 */
import { closeSync, openSync, readSync, statSync } from "node:fs";
import { join } from "node:path";
import { decodeEventScalars } from "../tfevent/event.js";
import { readRecords } from "../tfevent/tfrecord.js";
import { eventFiles } from "./event-files.js";
import type { Series } from "./downsample.js";

interface FileState {
  size: number;
  mtimeMs: number;
  /** Bytes consumed: the end of the last complete record. */
  offset: number;
  byTag: Map<string, Series>;
}

const RECORD_OVERHEAD = 16;

export interface RunSeries {
  /** Scalar key (`loss`, `eval#acc`) → its points in file order. */
  byKey: Map<string, Series>;
}

/** Keeps what was read of each event file between calls. */
export class SeriesCache {
  readonly #files = new Map<string, FileState>();

  /** Every key's series for a run (files merged in name order). */
  runSeries(runDir: string): RunSeries {
    const byKey = new Map<string, Series>();
    for (const f of eventFiles(runDir)) {
      const state = this.#fileState(join(runDir, f.path));
      if (!state) continue;
      for (const [tag, s] of state.byTag) appendSeries(byKey, f.key(tag), s);
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
      state = { size: 0, mtimeMs: 0, offset: 0, byTag: new Map() };
      this.#files.set(path, state);
    }
    readNewRecords(path, state, st.size);
    state.size = st.size;
    state.mtimeMs = st.mtimeMs;
    return state;
  }
}

function readNewRecords(path: string, state: FileState, size: number): void {
  const length = size - state.offset;
  if (length <= 0) return;
  const buf = Buffer.alloc(length);
  const fd = openSync(path, "r");
  let read = 0;
  try {
    while (read < length) {
      const n = readSync(fd, buf, read, length - read, state.offset + read);
      if (n === 0) break;
      read += n;
    }
  } finally {
    closeSync(fd);
  }
  for (const record of readRecords(buf.subarray(0, read))) {
    state.offset += record.length + RECORD_OVERHEAD;
    try {
      for (const sc of decodeEventScalars(record)) pushPoint(state.byTag, sc.tag, sc.step, sc.value, sc.wallTime);
    } catch {
      // Not an Event: skipped, as TensorBoard skips it.
    }
  }
}

function pushPoint(byTag: Map<string, Series>, tag: string, step: number, value: number, time: number): void {
  let s = byTag.get(tag);
  if (!s) byTag.set(tag, (s = { step: [], value: [], time: [] }));
  s.step.push(step);
  s.value.push(value);
  s.time.push(time);
}

function appendSeries(byKey: Map<string, Series>, key: string, s: Series): void {
  const into = byKey.get(key);
  if (!into) {
    byKey.set(key, { step: [...s.step], value: [...s.value], time: [...s.time] });
    return;
  }
  // One point at a time: spreading a long series would overflow the stack.
  for (let i = 0; i < s.step.length; i++) {
    into.step.push(s.step[i] as number);
    into.value.push(s.value[i] as number);
    into.time.push(s.time[i] as number);
  }
}
