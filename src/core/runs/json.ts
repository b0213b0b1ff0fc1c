/**
 * `--json` output of `runs list` and `runs info`: plain JSON values (µs
 * timestamps as Guild stores them, flag floats as numbers). The schema is
 * documented in the README ("JSON output"); keep the two in step.
 */
import { existsSync } from "node:fs";
import { readAttr } from "../store/attrs.js";
import { formatOpref, readOpref } from "../store/opref.js";
import { protoDir } from "../store/paths.js";
import { PyFloat } from "../flags/value.js";
import type { RunInfo } from "./info.js";
import type { RunRow } from "./list.js";
import { runOpDesc } from "./op-desc.js";

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A listed run: what `runs list --json` prints for each run, newest first. */
export function runListJson(row: RunRow): { [key: string]: Json } {
  return {
    id: row.id,
    index: row.index,
    operation: row.opDesc,
    from: row.pkgDesc,
    status: row.status,
    started: numberOrNull(readAttr(row.dir, "started")),
    stopped: numberOrNull(readAttr(row.dir, "stopped")),
    label: row.label,
    marked: row.marked,
    exit_status: toJson(readAttr(row.dir, "exit_status") ?? null),
    run_dir: row.dir,
    opref: oprefText(row.dir),
    cmd: toJson(readAttr(row.dir, "cmd") ?? null),
    sourcecode_digest: row.digest || null,
    batch_proto: batchProtoJson(row.dir),
    tags: [...row.tags],
  };
}

function batchProtoJson(dir: string): Json {
  const proto = protoDir(dir);
  if (!existsSync(proto)) return null;
  return {
    operation: runOpDesc(proto),
    opref: oprefText(proto),
    run_dir: proto,
    flags: toJson(readAttr(proto, "flags") ?? {}),
    label: toJson(readAttr(proto, "label") ?? null),
  };
}

/** `runs info --json`: the listed fields plus the details. */
export function runInfoJson(info: RunInfo): { [key: string]: Json } {
  const json: { [key: string]: Json } = {
    ...runListJson(info.row),
    vcs_commit: info.vcsCommit,
    pid: info.pid,
    attributes: Object.fromEntries(info.otherAttrs.map(([name, value]) => [name, toJson(value)])),
    flags: toJson(info.flags),
    // Guild's JSON form: each key's last value and step.
    scalars: Object.fromEntries(info.scalars.map((sc) => [sc.key, [sc.value, sc.step]])),
  };
  if (info.protoFlags !== undefined) json["proto-flags"] = toJson(info.protoFlags);
  if (info.optimizer) {
    const { optimizer, objective, scored, best } = info.optimizer;
    json.optimizer = { name: optimizer, objective, scored_trials: scored, best_trial: best && { id: best.id, value: best.value } };
  }
  if (info.env !== undefined) json.environment = toJson(info.env);
  if (info.deps !== undefined) json.dependencies = toJson(info.deps);
  return json;
}

/** Attr values as JSON: floats unboxed (NaN and infinities as null). */
export function toJson(v: unknown): Json {
  if (v instanceof PyFloat) return Number.isFinite(v.value) ? v.value : null;
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "string" || typeof v === "boolean") return v;
  if (Array.isArray(v)) return v.map(toJson);
  if (typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toJson(x)]));
  return String(v);
}

function numberOrNull(v: unknown): number | null {
  return typeof v === "number" ? v : null;
}

function oprefText(dir: string): string | null {
  const ref = readOpref(dir);
  return ref ? formatOpref(ref) : null;
}
