/**
 * A run's scalars, read back from the TensorBoard event files anywhere in its
 * directory (Guild's index does the same): each directory holding
 * `*.tfevents.*` files is a prefix (`.guild` for output scalars), and each
 * tag gets Guild's summary (first, last, min, max, avg, total, count).
 * Linked directories are followed only when they are runs (steps, trials).
 */
import { readdirSync, readFileSync, realpathSync, statSync, type Dirent } from "node:fs";
import { join, relative, sep } from "node:path";
import { isRunDir } from "../store/find-run.js";
import { decodeEventScalars, type DecodedScalar } from "../tfevent/event.js";
import { readRecords } from "../tfevent/tfrecord.js";
import { compareCodePoints } from "../yaml/emitter.js";

export interface ScalarPoint {
  value: number;
  step: number;
}

export interface ScalarSummary {
  /** Directory of the events, relative to the run dir (`.guild`, `''`, `eval`). */
  prefix: string;
  tag: string;
  /** `tag`, or `prefix#tag` outside the run dir and `.guild` (as Guild keys them). */
  key: string;
  first: ScalarPoint;
  last: ScalarPoint;
  min: ScalarPoint;
  max: ScalarPoint;
  avg: number;
  total: number;
  count: number;
}

/**
 * Summaries of one directory's events, keyed by its prefix: where a cache
 * (summary-cache.ts) can step in.
 */
export type DirSummarizer = (runDir: string, prefix: string, dir: string) => ScalarSummary[];

export const summarizeDir: DirSummarizer = (_runDir, prefix, dir) => summarize(prefix, readDirScalars(dir));

/**
 * Every tag's summary, sorted by prefix then tag. `ownOnly` leaves out the
 * runs linked in the run dir (a batch's trials, a pipeline's steps).
 */
export function runScalars(runDir: string, summarizer: DirSummarizer = summarizeDir, ownOnly = false): ScalarSummary[] {
  const out: ScalarSummary[] = [];
  for (const dir of eventDirs(runDir, ownOnly)) {
    const prefix = relative(runDir, dir).split(sep).join("/");
    out.push(...summarizer(runDir, prefix, dir));
  }
  return out.sort((a, b) => compareCodePoints(a.prefix, b.prefix) || compareCodePoints(a.tag, b.tag));
}

export function isEventFile(name: string): boolean {
  return name.includes(".tfevents.");
}

/** A directory's event file names, in the order their events are read. */
export function eventFileNames(dir: string): string[] {
  return listDir(dir).filter(isEventFile).sort(compareCodePoints);
}

/** Scalars of one directory's event files, files in name order. */
export function readDirScalars(dir: string): DecodedScalar[] {
  const scalars: DecodedScalar[] = [];
  for (const name of eventFileNames(dir)) {
    let data: Buffer;
    try {
      data = readFileSync(join(dir, name));
    } catch {
      continue;
    }
    for (const record of readRecords(data)) {
      try {
        scalars.push(...decodeEventScalars(record));
      } catch {
        // A record that is not an Event is skipped, as TensorBoard skips it.
      }
    }
  }
  return scalars;
}

/**
 * The directories holding event files under `root`. `visit` is told of
 * each directory before it is listed and of each symbolic link before it
 * is looked at (whatever it points to), so a caller can stamp them first.
 */
export function eventDirs(root: string, ownOnly: boolean, visit?: (path: string) => void): string[] {
  const dirs: string[] = [];
  const seen = new Set<string>();
  // `real` is the directory's resolved path, for seeing a link back to a
  // directory already walked. Only the root and a followed link need
  // realpath (a call per path component): a plain subdirectory's is its
  // parent's plus its name. This walk runs for every run a view compares.
  const walk = (dir: string, real: string) => {
    if (seen.has(real)) return;
    seen.add(real);
    visit?.(dir);
    const entries = listEntries(dir);
    if (entries.some((e) => !e.isDirectory() && isEventFile(e.name))) dirs.push(dir);
    for (const e of entries.sort((a, b) => compareCodePoints(a.name, b.name))) {
      const path = join(dir, e.name);
      if (e.isDirectory()) walk(path, join(real, e.name));
      else if (!ownOnly && e.isSymbolicLink()) {
        visit?.(path);
        if (isDir(path) && isRunDir(path)) walk(path, safeRealpath(path));
      }
    }
  };
  walk(root, safeRealpath(root));
  return dirs;
}

function summarize(prefix: string, scalars: readonly DecodedScalar[]): ScalarSummary[] {
  const byTag = new Map<string, ScalarSummary>();
  for (const { tag, value, step } of scalars) {
    const s = byTag.get(tag);
    if (!s) {
      const p = { value, step };
      byTag.set(tag, { prefix, tag, key: scalarKey(prefix, tag), first: p, last: p, min: p, max: p, avg: value, total: value, count: 1 });
      continue;
    }
    if (step < s.first.step) s.first = { value, step };
    if (step >= s.last.step) s.last = { value, step };
    if (value < s.min.value) s.min = { value, step };
    if (value > s.max.value) s.max = { value, step };
    s.total += value;
    s.count += 1;
    s.avg = s.total / s.count;
  }
  return [...byTag.values()];
}

export function scalarKey(prefix: string, tag: string): string {
  return !prefix || prefix === ".guild" ? tag : `${prefix}#${tag}`;
}

function listDir(dir: string): string[] {
  return listEntries(dir).map((e) => e.name);
}

function listEntries(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}

function isDir(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isDirectory() === true;
}

function safeRealpath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}
