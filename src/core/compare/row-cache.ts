/**
 * A cache of what `guild compare` reads from each run (`<home>/cache/
 * compare-rows-v2.json`, laid out as row-cache-file.ts says), so that a
 * second call over 1,000 runs makes a few stats per run instead of listing
 * its tree, reading and parsing its attributes and its opref, and decoding
 * its event files.
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
import { formatCacheFile, lineOf, parseCacheFile, rowOfLine, type CacheFile } from "./row-cache-file.js";
import { eventFilesHold, readRunData, type RunData } from "./run-data.js";
import { decodeRunData, encodeRunData, type EncodedRow } from "./row-codec.js";
import { isSettled, stampsHold } from "./stamps.js";

const CACHE_FILE = "compare-rows-v2.json";

export interface RowCache {
  /** The run's data, from the cache when its stamps hold, else from its files. */
  dataFor(runDir: string): RunData;
  /** Writes what changed (best effort). */
  save(): void;
}

export function openRowCache(home: string): RowCache {
  const path = join(home, "cache", CACHE_FILE);
  const file = readCache(path);
  /** Runs of this call whose line stays as it is, and those read afresh. */
  const kept = new Set<string>();
  const fresh = new Map<string, EncodedRow>();
  return {
    dataFor(runDir) {
      const line = file.lines.get(runDir);
      const stored = line === undefined ? undefined : rowOfLine(line, file.paths);
      const old = stored && decodeRunData(stored.row);
      if (old && stampsHold(runDir, stored.head, stored.row.s) && eventFilesHold(runDir, old.eventDirs)) {
        kept.add(runDir);
        return old;
      }
      const startedMs = Date.now();
      const read = readRunData(runDir, old?.eventDirs);
      const encoded = isSettled(read.stamps, startedMs) ? encodeRunData(read) : undefined;
      // A run changing now (running) keeps its old row for the summaries
      // of its unchanged event directories; its stamps will not hold.
      if (encoded) fresh.set(runDir, encoded);
      else if (stored) kept.add(runDir);
      return read.data;
    },
    save() {
      if (!fresh.size) return;
      // Other runs' lines stay while their runs exist (a compare of some
      // runs keeps the rest); the runs of this call keep what they have now.
      const lines: string[] = [];
      for (const [dir, line] of file.lines) {
        if (!fresh.has(dir) && (kept.has(dir) || existsSync(dir))) lines.push(line);
      }
      // Kept lines index the paths as they were: new lists go after them.
      // (A list no line uses any more stays: there are as many as run layouts.)
      const paths = [...file.paths];
      const index = new Map(paths.map((head, i) => [head.join("\0"), i]));
      for (const [dir, { head, row }] of fresh) {
        const key = head.join("\0");
        let i = index.get(key);
        if (i === undefined) index.set(key, (i = paths.push(head) - 1));
        const line = lineOf(dir, i, row);
        if (line !== undefined) lines.push(line);
      }
      try {
        mkdirSync(join(home, "cache"), { recursive: true });
        writeFileAtomic(path, formatCacheFile(paths, lines));
      } catch {
        // Unwritable cache: the next call reads the runs again.
      }
    },
  };
}

function readCache(path: string): CacheFile {
  try {
    return parseCacheFile(readFileSync(path, "utf8"));
  } catch {
    // Missing or unreadable: start empty.
    return parseCacheFile("");
  }
}
