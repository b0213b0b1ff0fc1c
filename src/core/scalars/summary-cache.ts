/**
 * A cache of scalar summaries (`<home>/cache/scalar-summaries-v1.json`), so
 * that `guild compare` decodes a run's event files once, not on every call.
 *
 * Per run and event directory it keeps the summaries together with the name,
 * size and modification time of each event file they came from; they are
 * used only while the directory holds exactly those files, unchanged. An
 * event file added, removed, appended to or rewritten (by this tool, Guild
 * AI, or by hand) is read again. It is only a cache: deleting it, or a file
 * that cannot be read or written, costs time and nothing else.
 */
import { existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { writeFileAtomic } from "../store/atomic.js";
import { eventFileNames, summarizeDir, type DirSummarizer, type ScalarSummary } from "./run-scalars.js";

const CACHE_FILE = "scalar-summaries-v1.json";

/** An event file as the cache knows it: name, size, mtime (ms). */
type FileKey = [string, number, number];

interface DirEntry {
  files: FileKey[];
  summaries: ScalarSummary[];
}

/** Run id → event directory prefix → entry. */
type CacheData = Record<string, Record<string, DirEntry>>;

export interface SummaryCache {
  /** `runScalars`' summarizer, answering from the cache when it can. */
  summarizer: DirSummarizer;
  /** Writes what changed (best effort). */
  save(): void;
}

export function openSummaryCache(home: string): SummaryCache {
  const path = join(home, "cache", CACHE_FILE);
  const data = readCache(path);
  const used: CacheData = Object.create(null) as CacheData;
  let dirty = false;
  const summarizer: DirSummarizer = (runDir, prefix, dir) => {
    const id = basename(runDir);
    const files = fileKeys(dir);
    const hit = data[id]?.[prefix];
    const entry = hit !== undefined && isDirEntry(hit) && sameFiles(hit.files, files) ? hit : undefined;
    const fresh = entry ?? { files, summaries: summarizeDir(runDir, prefix, dir) };
    if (!entry) dirty = true;
    (used[id] ??= Object.create(null) as Record<string, DirEntry>)[prefix] = fresh;
    return fresh.summaries;
  };
  return {
    summarizer,
    save() {
      if (!dirty) return;
      const out: CacheData = Object.create(null) as CacheData;
      // Keep other runs' entries while their runs exist; this call's runs
      // keep only the directories they have now.
      for (const id of Object.keys(data)) if (!(id in used) && existsSync(join(home, "runs", id))) out[id] = data[id] as Record<string, DirEntry>;
      Object.assign(out, used);
      try {
        mkdirSync(join(home, "cache"), { recursive: true });
        writeFileAtomic(path, JSON.stringify(out));
      } catch {
        // Unwritable cache: the next call decodes the files again.
      }
    },
  };
}

function fileKeys(dir: string): FileKey[] {
  const keys: FileKey[] = [];
  for (const name of eventFileNames(dir)) {
    const st = statSync(join(dir, name), { throwIfNoEntry: false });
    keys.push(st ? [name, st.size, st.mtimeMs] : [name, -1, -1]);
  }
  return keys;
}

function sameFiles(a: readonly FileKey[], b: readonly FileKey[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((k, i) => {
    const other = b[i] as FileKey;
    return k[0] === other[0] && k[1] === other[1] && k[2] === other[2] && k[1] >= 0;
  });
}

function isDirEntry(value: unknown): value is DirEntry {
  const e = value as DirEntry;
  return typeof e === "object" && e !== null && Array.isArray(e.files) && Array.isArray(e.summaries) && e.files.every((k) => Array.isArray(k) && k.length === 3);
}

function readCache(path: string): CacheData {
  try {
    const parsed: unknown = JSON.parse(readFileSync(path, "utf8"));
    if (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)) {
      return Object.assign(Object.create(null) as CacheData, parsed);
    }
  } catch {
    // Missing or damaged: start empty.
  }
  return Object.create(null) as CacheData;
}
