/**
 * What `guild compare` reads from a run's files (its flags, label and other
 * attributes, its opref and its proto's, its scalar summaries), read
 * together with the stamps (stamps.ts) of every file and directory it came
 * from, each stamp taken before what it covers is read.
 *
 * The stamps cover:
 * - every directory of the run's tree (and every link in it, through to
 *   what it points to): an event file or directory made, removed or renamed
 *   anywhere, an attribute or marker file created or deleted;
 * - each attribute file read, and `.guild/opref` (and the proto's): edited
 *   in place, as Guild AI writes attributes;
 * - each event file: appended to or rewritten.
 * An attribute that was missing needs no stamp of its own: it can only
 * appear by changing its directory's.
 */
import { relative, sep } from "node:path";
import type { FlagValue } from "../flags/value.js";
import { eventDirs, eventFileNames, summarizeDir, type ScalarSummary } from "../scalars/run-scalars.js";
import { readAttr } from "../store/attrs.js";
import { readOpref, type OpRef } from "../store/opref.js";
import { MISSING, readStamp, stampHolds, type Stamp } from "./stamps.js";

/** The attributes a compare row shows (`.name` columns are read afresh). */
export const ROW_ATTRS = ["flags", "label", "marked", "started", "stopped", "compare"] as const;
export type RowAttr = (typeof ROW_ATTRS)[number];

/** An event file as its summaries were read from it: name, size, ctime. */
export type FileKey = [string, number, number];

export interface EventDirData {
  /** Directory of the events, relative to the run dir (`.guild`, `''`, `eval`). */
  prefix: string;
  files: FileKey[];
  summaries: ScalarSummary[];
}

export interface RunData {
  /** Attribute values; a missing or unreadable attribute is absent. */
  attrs: Partial<Record<RowAttr, FlagValue>>;
  opref: OpRef | undefined;
  protoRef: OpRef | undefined;
  /** Holds a proto (`.guild/proto`): a batch. */
  batch: boolean;
  eventDirs: EventDirData[];
}

export interface StampedRunData {
  data: RunData;
  /** Paths relative to the run dir (`""` for itself), with a stamp each in `stamps`. */
  paths: string[];
  stamps: number[];
}

/**
 * The run's data read from its files. Summaries of an event directory in
 * `previous` whose files are unchanged are kept rather than decoded again.
 */
export function readRunData(runDir: string, previous: readonly EventDirData[] = []): StampedRunData {
  const paths: string[] = [];
  const stamps: number[] = [];
  const seen = new Map<string, Stamp>();
  /**
   * Stamps a path once; a missing attribute is left out (see above). Event
   * files are stamped last, each even if seen (a link), as the row cache
   * makes their paths again from the event directories (row-codec.ts).
   */
  const stamp = (rel: string, keepMissing = true, again = false): Stamp => {
    let st = seen.get(rel);
    if (st && !again) return st;
    st = readStamp(rel === "" ? runDir : `${runDir}/${rel}`);
    if (st[0] === MISSING && !keepMissing) return st;
    seen.set(rel, st);
    paths.push(rel);
    stamps.push(st[0], st[1]);
    return st;
  };
  const rel = (path: string) => relative(runDir, path).split(sep).join("/");
  const dirs = eventDirs(runDir, false, (path) => void stamp(rel(path)));
  const attrs: Partial<Record<RowAttr, FlagValue>> = {};
  for (const name of ROW_ATTRS) {
    if (stamp(`.guild/attrs/${name}`, false)[0] === MISSING) continue;
    const value = readAttr(runDir, name);
    if (value !== undefined) attrs[name] = value as FlagValue;
  }
  stamp(".guild/opref");
  const opref = readOpref(runDir);
  // A proto made or removed later changes `.guild`'s stamp.
  const batch = stamp(".guild/proto", false)[0] !== MISSING;
  let protoRef: OpRef | undefined;
  if (batch) {
    stamp(".guild/proto/.guild/opref");
    protoRef = readOpref(`${runDir}/.guild/proto`);
  }
  const eventDirsData = dirs.map((dir) => eventDirData(runDir, rel(dir), dir, previous, stamp));
  return { data: { attrs, opref, protoRef, batch, eventDirs: eventDirsData }, paths, stamps };
}

function eventDirData(
  runDir: string,
  prefix: string,
  dir: string,
  previous: readonly EventDirData[],
  stamp: (rel: string, keepMissing: boolean, again: boolean) => Stamp,
): EventDirData {
  const files = eventFileNames(dir).map((name): FileKey => {
    const [ctime, size] = stamp(prefix === "" ? name : `${prefix}/${name}`, true, true);
    return [name, size, ctime];
  });
  const old = previous.find((d) => d.prefix === prefix);
  if (old && sameFiles(old.files, files)) return { prefix, files, summaries: old.summaries };
  return { prefix, files, summaries: summarizeDir(runDir, prefix, dir) };
}

/** Whether every event file still has the stamp its key was read with (the cache keeps no other). */
export function eventFilesHold(runDir: string, dirs: readonly EventDirData[]): boolean {
  // Indexes, not for-of and destructuring: this runs for every run shown.
  for (let d = 0; d < dirs.length; d++) {
    const { prefix, files } = dirs[d] as EventDirData;
    const base = prefix === "" ? runDir : `${runDir}/${prefix}`;
    for (let i = 0; i < files.length; i++) {
      const key = files[i] as FileKey;
      if (!stampHolds(`${base}/${key[0]}`, key[2], key[1])) return false;
    }
  }
  return true;
}

function sameFiles(a: readonly FileKey[], b: readonly FileKey[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((k, i) => {
    const other = b[i] as FileKey;
    return k[0] === other[0] && k[1] === other[1] && k[2] === other[2] && k[2] !== MISSING;
  });
}
