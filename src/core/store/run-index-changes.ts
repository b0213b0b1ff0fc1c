/**
 * The run index's change log (`<home>/cache/runs-index-changes`): what this
 * tool changed in the store since an index was built, appended with
 * O_APPEND (atomic for lines this short) by any number of processes.
 *
 *   <id>                      a run was started again: re-read it
 *   +<id> <before> <after>    a run dir was moved into runs/
 *   -<id> <before> <after>    a run dir was moved out of runs/
 *
 * `before` and `after` are runs/'s state around the move: its mtime (ns)
 * and link count (`<mtime>:<nlink>`; on ext4 and xfs the link count counts
 * subdirectories, up to 65,000). A reader whose index was built at state S
 * can follow the chain S → after → ...; if it ends at runs/'s current
 * state, every change to runs/ since is in the log and the reader need not
 * list runs/ again. A change not logged (Guild AI, a copy by hand) breaks
 * the chain and the reader lists runs/ — unless it fell in the same clock
 * tick (a few ms) as one of our moves and left the link count as it was
 * (100,000 runs is past ext4's count), which the README states.
 */
import { appendFileSync, mkdirSync, readFileSync, renameSync, statSync } from "node:fs";
import { basename, dirname, join } from "node:path";

export const CHANGES_FILE = "runs-index-changes";

export interface Changes {
  /** Runs to re-read: restarted, or moved in. */
  changed: Set<string>;
  added: Set<string>;
  removed: Set<string>;
  /** runs/ mtime the logged moves lead to from `base`; undefined if unknown. */
  chainEnd: string | undefined;
  /** Byte offset the log was read to. */
  end: number;
  /** The log was reset (shorter than our offset): trust nothing cached. */
  reset: boolean;
}

function logPath(home: string): string {
  return join(home, "cache", CHANGES_FILE);
}

function append(home: string, line: string): void {
  try {
    try {
      appendFileSync(logPath(home), `${line}\n`);
    } catch (e) {
      // `cache/` is made on first need, not checked before every append
      // (a batch appends once per trial).
      if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
      mkdirSync(join(home, "cache"), { recursive: true });
      appendFileSync(logPath(home), `${line}\n`);
    }
  } catch {
    // Without the note a reader lists runs/ again, or keeps a restarted
    // run's old place; never fatal.
  }
}

/** Records that a finished run is being started again (its cache is stale). */
export function noteRunChanged(runDir: string): void {
  append(dirname(dirname(runDir)), basename(runDir));
}

/** A directory's state as the chain records it: `<mtime ns>:<nlink>`. */
export function dirState(dir: string): string | undefined {
  try {
    const st = statSync(dir, { bigint: true });
    return `${st.mtimeNs}:${st.nlink}`;
  } catch {
    return undefined;
  }
}

/**
 * Renames a run dir into or out of `<home>/runs/`, logging the move so
 * readers of the run index can follow it without listing runs/.
 */
export function moveRunDir(from: string, to: string, home: string): void {
  const runsDir = join(home, "runs");
  const into = dirname(to) === runsDir && !basename(to).startsWith(".");
  const outOf = dirname(from) === runsDir && !basename(from).startsWith(".");
  const before = dirState(runsDir);
  renameSync(from, to);
  const after = dirState(runsDir);
  if (before === undefined || after === undefined) return;
  if (outOf) append(home, `-${basename(from)} ${before} ${after}`);
  if (into) append(home, `+${basename(to)} ${before} ${after}`);
}

/** The log from `offset`, its moves followed from runs/ mtime `base`. */
export function readChanges(home: string, offset: number, base: string | undefined): Changes {
  const changes: Changes = { changed: new Set(), added: new Set(), removed: new Set(), chainEnd: base, end: offset, reset: false };
  let size: number;
  try {
    size = statSync(logPath(home)).size;
  } catch {
    return { ...changes, end: 0, reset: offset > 0 };
  }
  if (size < offset) return { ...changes, end: size, reset: true };
  if (size === offset) return changes;
  const text = readFileSync(logPath(home)).subarray(offset, size).toString("utf8");
  const complete = text.slice(0, text.lastIndexOf("\n") + 1);
  changes.end = offset + Buffer.byteLength(complete);
  for (const line of complete.split("\n")) if (line) applyLine(changes, line);
  return changes;
}

function applyLine(c: Changes, line: string): void {
  const kind = line[0];
  if (kind !== "+" && kind !== "-") {
    c.changed.add(line);
    return;
  }
  const [id = "", before, after] = line.slice(1).split(" ");
  c.chainEnd = c.chainEnd !== undefined && before === c.chainEnd ? after : undefined;
  if (kind === "+") {
    c.removed.delete(id);
    c.added.add(id);
    c.changed.add(id);
  } else {
    c.added.delete(id);
    c.changed.delete(id);
    c.removed.add(id);
  }
}
