/**
 * Run filters of the runs commands (§9.2), as one pure predicate over run
 * rows: status (any of), operation and label substrings (any of),
 * unlabeled, marked/unmarked, a started time range, a source code digest
 * prefix, tags (any of) and (ours) the host a run ran on. How rows are enumerated (the store, a future index) is not its
 * concern: rows in, rows out, order kept.
 */
import type { IndexedStatus } from "../store/run-order.js";
import type { RunStatus } from "../store/status.js";
import type { TimeRange } from "./timerange.js";

export interface RunsFilter {
  statuses?: readonly RunStatus[];
  /** Substrings of `<pkg>/<operation>` (e.g. `/srv/proj/train`); any may match. */
  ops?: readonly string[];
  /** Substrings of the label; any may match. */
  labels?: readonly string[];
  unlabeled?: boolean;
  marked?: boolean;
  unmarked?: boolean;
  started?: TimeRange;
  /** Prefix of the `sourcecode_digest` attr. */
  digest?: string;
  /** Host names (the `host` attr, where the run last started); any may match. */
  hosts?: readonly string[];
  /** Tags (Guild 0.9's `tags` attr); a run with any of them matches. */
  tags?: readonly string[];
}

/** What the filters look at. */
export interface FilterableRun {
  status: RunStatus;
  /** Operation as listed (`say.py+`, `m:train`). */
  opDesc: string;
  /** Package as Guild formats it (`~/proj`, `~/proj/guild.yml`, `guildai`). */
  pkgDesc: string;
  label: string;
  marked: boolean;
  /** Guild's run timestamp (µs): `started`, else `initialized`. */
  timestamp: number | undefined;
  digest: string;
  host: string;
  tags: readonly string[];
}

export function isFilterEmpty(f: RunsFilter): boolean {
  return (
    !f.statuses?.length &&
    !f.ops?.length &&
    !f.labels?.length &&
    !f.unlabeled &&
    !f.marked &&
    !f.unmarked &&
    !f.started &&
    !f.digest &&
    !f.tags?.length &&
    !f.hosts?.length
  );
}

/**
 * Which cached statuses a filter must check against the run's files (see
 * run-stamp.ts). A finished run's stamp (`exit_status`) can only reveal it
 * completed, failed, was terminated or is running: a filter for staged or
 * pending runs alone cannot gain or lose it, so it need not be checked.
 */
export function statusCheckNeeded(f: RunsFilter): (status: IndexedStatus) => boolean {
  const onlyQueued = f.statuses?.length && f.statuses.every((s) => s === "staged" || s === "pending");
  return onlyQueued ? (status) => status === "staged" || status === "running" : () => true;
}

export function runMatches(run: FilterableRun, f: RunsFilter): boolean {
  if (f.statuses?.length && !f.statuses.includes(run.status)) return false;
  if (f.ops?.length && !opsMatch(run.opDesc, run.pkgDesc, f.ops)) return false;
  if (f.labels?.length) {
    if (!f.labels.some((l) => run.label.includes(l))) return false;
  } else if (f.unlabeled && run.label.trim()) {
    return false;
  }
  if (f.marked && !run.marked) return false;
  if (f.unmarked && run.marked) return false;
  if (f.started && !startedIn(run.timestamp, f.started)) return false;
  if (f.digest !== undefined && !run.digest.startsWith(f.digest)) return false;
  if (f.hosts?.length && !f.hosts.includes(run.host)) return false;
  if (f.tags?.length && !f.tags.some((t) => run.tags.includes(t))) return false;
  return true;
}

/** Whether `<pkg>/<operation>` holds any of `ops`. */
export function opsMatch(opDesc: string, pkgDesc: string, ops: readonly string[]): boolean {
  const fullOp = `${pkgDesc}/${opDesc}`;
  return ops.some((op) => fullOp.includes(op));
}

export function filterRuns<T extends FilterableRun>(runs: readonly T[], f: RunsFilter): T[] {
  return isFilterEmpty(f) ? [...runs] : runs.filter((r) => runMatches(r, f));
}

/** Guild compares whole seconds: start <= t < end; runs without a time never match. */
function startedIn(timestampUs: number | undefined, range: TimeRange): boolean {
  if (!timestampUs) return false;
  const t = Math.floor(timestampUs / 1_000_000) * 1000;
  if (range.start && t < range.start.getTime()) return false;
  if (range.end && t >= range.end.getTime()) return false;
  return true;
}
