/**
 * A file's change time (and size), at the cost of one stat syscall and
 * nothing more: what the run index checks a cached status against, up to
 * once per run for a filter over 10,000 runs, and the compare cache its
 * stamps, ~10 per run.
 *
 * Node 20's `statSync` wraps every result in a `Stats` object holding four
 * `Date`s; over 10,000 checks, making and collecting them cost more CPU
 * than the syscalls. Node's own fs binding (what `statSync` calls) returns
 * the raw numbers. It is not a public API, so it is used only after it has
 * given the same answer as `statSync` on a first path, and any surprise
 * falls back to `statSync` for the rest of the process.
 */
import { statSync } from "node:fs";

type RawStat = (path: string, bigint: boolean, req: undefined, throwIfNoEntry: boolean) => Float64Array | undefined;

/** Indexes in the binding's stat array: size, and ctime seconds (nanoseconds follow). */
const SIZE = 8;
const CTIME_SEC = 14;

let raw: RawStat | null | undefined;

/** A path's ctime in ms (as Node's `ctimeMs`) and size, or undefined when it cannot be had. */
export type CtimeAndSize = [ctimeMs: number, size: number];

/** A file's change time in µs, or undefined (missing, or a damaged run where a directory is a file). */
export function ctimeUs(path: string): number | undefined {
  // No tuple here: a filter calls this for each of 10,000 runs.
  const values = statValues(path);
  if (values === null) {
    const st = viaStatSync(path);
    return st === undefined ? undefined : Math.round(st[0] * 1000);
  }
  return values === undefined ? undefined : Math.round(ctimeMsOf(values) * 1000);
}

export function ctimeAndSize(path: string): CtimeAndSize | undefined {
  const values = statValues(path);
  if (values === null) return viaStatSync(path);
  return values === undefined ? undefined : [ctimeMsOf(values), values[SIZE] as number];
}

/**
 * Whether the path's ctime (ms) and size are these, undefined when it
 * cannot be had: `ctimeAndSize` without the tuple, for the compare cache's
 * ~9 checks per run.
 */
export function hasCtimeAndSize(path: string, ctimeMs: number, size: number): boolean | undefined {
  const values = statValues(path);
  if (values === null) {
    const st = viaStatSync(path);
    return st === undefined ? undefined : st[0] === ctimeMs && st[1] === size;
  }
  return values === undefined ? undefined : ctimeMsOf(values) === ctimeMs && values[SIZE] === size;
}

/** Same arithmetic as Node's ctimeMs, so stamps from either path agree. */
function ctimeMsOf(values: Float64Array): number {
  return (values[CTIME_SEC] as number) * 1e3 + (values[CTIME_SEC + 1] as number) / 1e6;
}

/**
 * The binding's stat array for `path` (read at once: the binding reuses
 * it), undefined when there is nothing to stat, null when the binding is
 * not to be used.
 */
function statValues(path: string): Float64Array | undefined | null {
  if (raw === undefined) raw = trustedBinding(path);
  if (raw === null) return null;
  try {
    return raw(path, false, undefined, false);
  } catch {
    // ENOTDIR and the like: a damaged run, as statSync would throw.
    return undefined;
  }
}

function viaStatSync(path: string): CtimeAndSize | undefined {
  try {
    const st = statSync(path, { throwIfNoEntry: false });
    return st === undefined ? undefined : [st.ctimeMs, st.size];
  } catch {
    return undefined;
  }
}

/** The binding's stat, if it answers as `statSync` does for `path` (and for a missing path). */
function trustedBinding(path: string): RawStat | null {
  // process.binding warns under --pending-deprecation: keep stderr clean.
  if (process.execArgv.includes("--pending-deprecation") || process.env.NODE_OPTIONS?.includes("--pending-deprecation")) return null;
  try {
    const binding = (process as unknown as { binding?: (name: string) => { stat?: unknown } }).binding?.("fs");
    if (typeof binding?.stat !== "function") return null;
    const stat = binding.stat.bind(binding) as RawStat;
    raw = stat;
    const [viaRaw, viaNode] = [ctimeAndSize(path), viaStatSync(path)];
    const agrees = viaRaw?.[0] === viaNode?.[0] && viaRaw?.[1] === viaNode?.[1] && ctimeAndSize(`${path}\u0001missing`) === undefined;
    return agrees ? stat : null;
  } catch {
    return null;
  }
}
