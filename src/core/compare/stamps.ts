/**
 * Stamps of the files and directories a cached compare row was read from,
 * and the check that they still hold.
 *
 * A stamp is a path's change time (ctime) and size, as `stat` gives them
 * (following links). The change time moves whenever a file is written in
 * place, truncated, replaced, renamed or has its mode changed, and a
 * directory's whenever an entry is created, removed or renamed in it; no
 * tool can set it back (unlike mtime). A change three levels down moves
 * only the innermost directory's ctime, so every directory of a run's tree
 * is stamped, not only the top one.
 *
 * File times come from a coarse clock (a few ms per tick): a change made in
 * the same tick as a stamp was taken would leave it as it was. So a row is
 * kept only when every stamp it rests on is `SETTLE_MS` older than the time
 * its reading began (`isSettled`); a younger one is read again next time.
 */
import { ctimeAndSize, hasCtimeAndSize } from "../store/ctime.js";

/** change time (ms) and size; `MISSING` twice when the path is not there. */
export type Stamp = [ctimeMs: number, size: number];

export const MISSING = -1;
const SETTLE_MS = 20;

/** ENOTDIR and the like are as good as missing. */
export function readStamp(path: string): Stamp {
  return ctimeAndSize(path) ?? [MISSING, MISSING];
}

/**
 * Whether each of `paths` (relative to `runDir`, `""` for itself) still has
 * the stamp in `stamps` (flat: ctime, size, ctime, size, ...).
 */
export function stampsHold(runDir: string, paths: readonly string[], stamps: readonly number[]): boolean {
  if (stamps.length !== paths.length * 2) return false;
  for (let i = 0; i < paths.length; i++) {
    const rel = paths[i] as string;
    if (!stampHolds(rel === "" ? runDir : `${runDir}/${rel}`, stamps[2 * i] as number, stamps[2 * i + 1] as number)) return false;
  }
  return true;
}

/** Whether `path` still has the stamp `ctime`, `size` (`MISSING` twice: still missing). */
export function stampHolds(path: string, ctime: number, size: number): boolean {
  return hasCtimeAndSize(path, ctime, size) ?? (ctime === MISSING && size === MISSING);
}

/** Whether stamps taken from `startedMs` on can be trusted (see above). */
export function isSettled(stamps: readonly number[], startedMs: number): boolean {
  for (let i = 0; i < stamps.length; i += 2) if ((stamps[i] as number) > startedMs - SETTLE_MS) return false;
  return true;
}
