/**
 * The text of the compare row cache's file (row-cache.ts): JSON, laid out
 * one run a line, so that a call parses a run's row only when it shows the
 * run, and drops it once decoded. (Parsed in one piece, the 1,000 rows of a
 * store were ~100,000 objects kept alive to the end of the call, which the
 * GC copied from scavenge to scavenge.)
 *
 *   {"version":2,"paths":[["",".guild",...],...],"runs":{
 *   "/home/runs/0a1b...":{"p":0,"s":[...],"a":{...},...},
 *   "/home/runs/2c3d...":{"p":1,"s":[...],"a":{...},...}
 *   }}
 *
 * A row's `p` indexes `paths`: its stamped paths before its event files
 * (row-codec.ts), which runs laid out alike share. A run dir JSON would
 * escape is not stored, so a line's key is its dir as it is. Anything else
 * in the file (an older version, a damaged head or end) makes it empty; a
 * damaged line is a row that does not parse. Pure.
 */
import type { StoredRow } from "./row-codec.js";

const HEAD = '{"version":2,"paths":';
const RUNS = ',"runs":{';
const END = "}}";

export interface CacheFile {
  /** Stamped path lists that rows index. */
  paths: string[][];
  /** Run dir → its line (`"dir":{...}`, no trailing comma), parsed when asked for. */
  lines: Map<string, string>;
}

export function parseCacheFile(text: string): CacheFile {
  const empty: CacheFile = { paths: [], lines: new Map() };
  const lines = text.split("\n");
  const n = lines.length;
  const head = lines[0] as string;
  if (n < 3 || lines[n - 1] !== "" || lines[n - 2] !== END || !head.startsWith(HEAD) || !head.endsWith(RUNS)) return empty;
  let paths: unknown;
  try {
    paths = JSON.parse(head.slice(HEAD.length, head.length - RUNS.length));
  } catch {
    return empty;
  }
  if (!Array.isArray(paths) || !paths.every((p) => Array.isArray(p) && p.every((s) => typeof s === "string"))) return empty;
  const byDir = new Map<string, string>();
  for (let i = 1; i < n - 2; i++) {
    let line = lines[i] as string;
    if (i < n - 3) line = line.slice(0, -1); // its comma
    const keyEnd = line.indexOf('":');
    if (line[0] === '"' && keyEnd > 1) byDir.set(line.slice(1, keyEnd), line);
  }
  return { paths: paths as string[][], lines: byDir };
}

/** A line's row and its stamped paths but the event files', or undefined if it is not one. */
export function rowOfLine(line: string, paths: readonly string[][]): { head: string[]; row: StoredRow } | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line.slice(line.indexOf('":') + 2));
  } catch {
    return undefined;
  }
  const row = parsed as StoredRow & { p?: unknown };
  if (typeof row !== "object" || row === null || typeof row.p !== "number" || !Array.isArray(row.s)) return undefined;
  const head = paths[row.p];
  return head ? { head, row } : undefined;
}

/** A run's line, or undefined when its dir would need escaping. */
export function lineOf(dir: string, p: number, row: StoredRow): string | undefined {
  const key = JSON.stringify(dir);
  if (key.length !== dir.length + 2) return undefined;
  return `${key}:${JSON.stringify({ p, ...row })}`;
}

export function formatCacheFile(paths: readonly string[][], lines: readonly string[]): string {
  const rows = lines.length ? `${lines.join(",\n")}\n` : "";
  return `${HEAD}${JSON.stringify(paths)}${RUNS}\n${rows}${END}\n`;
}
