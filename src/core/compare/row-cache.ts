/**
 * A cache of what `guild compare` reads from each run (`<home>/cache/
 * compare-rows-v1.json`), so that a second call over 1,000 runs makes a few
 * stats per run instead of listing its tree, reading and parsing its
 * attributes and its opref, and decoding its event files.
 *
 * A run's entry is used only while every stamp it rests on (run-data.ts)
 * still holds: a run changed in any way compare shows (by this tool, Guild
 * AI or by hand) is read again, keeping the summaries of event directories
 * whose files did not change. A run whose files changed too recently to
 * trust their stamps (stamps.ts) is not cached. It is only a cache: a
 * missing, damaged or unwritable file costs time and nothing else.
 */
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { writeFileAtomic } from "../store/atomic.js";
import { readRunData, type RunData } from "./run-data.js";
import { decodeRunData, encodeRunData, eventFilePaths, isStoredRow, type StoredRow } from "./row-codec.js";
import { isSettled, stampsHold } from "./stamps.js";

const CACHE_FILE = "compare-rows-v1.json";

export interface RowCache {
  /** The run's data, from the cache when its stamps hold, else from its files. */
  dataFor(runDir: string): RunData;
  /** Writes what changed (best effort). */
  save(): void;
}

/** Run dir → stored row. */
type CacheData = Record<string, StoredRow>;

export function openRowCache(home: string): RowCache {
  const path = join(home, "cache", CACHE_FILE);
  const stored = readCache(path);
  const used = Object.create(null) as CacheData;
  let dirty = false;
  return {
    dataFor(runDir) {
      const found = stored[runDir];
      const row = isStoredRow(found) ? found : undefined;
      const hit = row && stampsHold(runDir, row.p, row.s) ? decodeRunData(row) : undefined;
      if (hit) {
        used[runDir] = row as StoredRow;
        return hit;
      }
      const startedMs = Date.now();
      const fresh = readRunData(runDir, (row && decodeRunData(row))?.eventDirs);
      const encoded = isSettled(fresh.stamps, startedMs) ? encodeRunData(fresh) : undefined;
      if (encoded) {
        used[runDir] = encoded;
        dirty = true;
      } else if (row) {
        // A run changing now (running): its old row stays for the summaries
        // of its unchanged event directories; its stamps will not hold.
        used[runDir] = row;
      }
      return fresh.data;
    },
    save() {
      if (!dirty) return;
      // Other runs' entries stay while their runs exist (a compare of some
      // runs keeps the rest); the runs of this call keep what they have now.
      const out = Object.create(null) as CacheData;
      for (const dir of Object.keys(stored)) if (!(dir in used) && existsSync(dir)) out[dir] = stored[dir] as StoredRow;
      Object.assign(out, used);
      try {
        mkdirSync(join(home, "cache"), { recursive: true });
        writeFileAtomic(path, formatCache(out));
      } catch {
        // Unwritable cache: the next call reads the runs again.
      }
    },
  };
}

/**
 * The file: `{"paths": [...], "runs": {dir: row}}`, each row's `p` an index
 * into `paths` (runs laid out alike share one list of stamped paths), its
 * event files' paths left to be made again from its event directories.
 */
function formatCache(rows: CacheData): string {
  const paths: string[][] = [];
  const index = new Map<string, number>();
  const runs: Record<string, unknown> = {};
  for (const [dir, row] of Object.entries(rows)) {
    const head = row.p.slice(0, row.p.length - (eventFilePaths(row.e)?.length ?? 0));
    const key = head.join("\0");
    let i = index.get(key);
    if (i === undefined) index.set(key, (i = paths.push(head) - 1));
    runs[dir] = { ...row, p: i };
  }
  return JSON.stringify({ paths, runs });
}

function readCache(path: string): CacheData {
  const rows = Object.create(null) as CacheData;
  try {
    const parsed = JSON.parse(readFileSync(path, "utf8")) as { paths?: unknown; runs?: unknown };
    const { paths, runs } = parsed;
    if (!Array.isArray(paths) || typeof runs !== "object" || runs === null) return rows;
    for (const [dir, row] of Object.entries(runs as Record<string, { p?: unknown; e?: unknown }>)) {
      if (typeof row !== "object" || row === null || typeof row.p !== "number") continue;
      const head: unknown = paths[row.p];
      const tail = eventFilePaths(row.e);
      if (Array.isArray(head) && tail) rows[dir] = Object.assign(row, { p: head.concat(tail) as unknown[] }) as StoredRow;
    }
  } catch {
    // Missing or damaged: start empty.
  }
  return rows;
}
