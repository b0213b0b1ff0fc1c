/**
 * `guild runs info`: one run's details in Guild's order (§9.7): the fixed
 * fields, other (non-core) attributes sorted, flags, a batch's proto flags,
 * scalars, and on request the environment and dependencies. Reads the run;
 * formatting for the terminal and JSON are in info-format.ts / json.ts.
 */
import { optimizerSummary, type OptimizerSummary } from "../batch/optimizer-summary.js";
import { runInfoScalars, type InfoScalar } from "../scalars/info.js";
import { existsSync } from "node:fs";
import { attrNames, readAttr } from "../store/attrs.js";
import { readLock } from "../store/lock.js";
import { readOpref, formatOpref } from "../store/opref.js";
import { protoDir } from "../store/paths.js";
import { formatTimestampUs } from "../util/time-format.js";
import { hostName } from "../util/proc.js";
import type { Ctx } from "../context.js";
import { userHomeFor, type RunRow, type RunsQuery } from "./list.js";
import { formatDir } from "./op-desc.js";
import { selectOneRunRow } from "./select-rows.js";

/** Attributes shown by their own fields or not at all (Guild's core attrs, and later Guild's). */
const CORE_ATTRS = new Set([
  "cmd", "comments", "compare", "deps", "env", "exit_status", "exit_status.remote", "flags", "host", "id",
  "initialized", "label", "marked", "objective", "op", "pip_freeze", "platform", "random_seed",
  "run_params", "sourcecode_digest", "started", "stopped", "tags", "user", "user_flags", "vcs_commit",
  // Legacy (older Guild) and later-Guild internals.
  "resolved_deps", "opdef", "opdef_attrs", "plugins", "r_sys_info", "r_packages_loaded",
]);

export interface InfoOptions {
  env: boolean;
  deps: boolean;
  /** Include `sys/` scalars (`--all-scalars`). */
  allScalars?: boolean;
}

/** Everything `runs info` shows, read once; shared by text and JSON output. */
export interface RunInfo {
  row: RunRow;
  opref: string;
  /** `from:` — the package as Guild formats it. */
  from: string;
  started: number | null;
  stopped: number | null;
  label: string | null;
  sourcecodeDigest: string | null;
  vcsCommit: string | null;
  cmd: unknown[] | null;
  exitStatus: unknown;
  pid: number | null;
  /** The host it ran on, when not this one (ours, beyond Guild: runs of a shared store). */
  otherHost: string | null;
  runDir: string;
  otherAttrs: [string, unknown][];
  flags: unknown;
  protoFlags: unknown;
  /** A model-optimizer batch's optimizer, objective and best trial. */
  optimizer?: OptimizerSummary;
  scalars: InfoScalar[];
  env: unknown;
  deps: unknown;
}

/** The run `spec` names (default: the latest) among the filtered runs. */
export function runInfoFor(query: RunsQuery, spec: string | undefined, cmdPath: string, opts: InfoOptions, ctx: Ctx): RunInfo {
  return readRunInfo(selectOneRunRow(query, spec, cmdPath, ctx), userHomeFor(ctx.env), opts);
}

export function readRunInfo(row: RunRow, userHome: string, opts: InfoOptions): RunInfo {
  const dir = row.dir;
  const opref = readOpref(dir);
  const proto = protoDir(dir);
  const remoteExit = readAttr(dir, "exit_status.remote");
  return {
    row,
    opref: opref ? formatOpref(opref) : "",
    from: row.pkgDesc,
    started: timestamp(readAttr(dir, "started")),
    stopped: timestamp(readAttr(dir, "stopped")),
    label: stringOrNull(readAttr(dir, "label")),
    sourcecodeDigest: stringOrNull(readAttr(dir, "sourcecode_digest")),
    vcsCommit: stringOrNull(readAttr(dir, "vcs_commit")),
    cmd: listOrNull(readAttr(dir, "cmd")),
    exitStatus: remoteExit || (readAttr(dir, "exit_status") ?? null),
    pid: readLock(dir)?.pid ?? null,
    otherHost: row.host && row.host !== hostName() ? row.host : null,
    runDir: formatDir(dir, userHome),
    otherAttrs: attrNames(dir)
      .filter((name) => !CORE_ATTRS.has(name) && !name.startsWith("_"))
      .map((name) => [name, readAttr(dir, name)]),
    flags: readAttr(dir, "flags") || {},
    protoFlags: existsSync(proto) ? readAttr(proto, "flags") || {} : undefined,
    optimizer: existsSync(proto) ? optimizerSummary(dir) : undefined,
    scalars: runInfoScalars(dir, opts.allScalars === true),
    env: opts.env ? readAttr(dir, "env") || {} : undefined,
    deps: opts.deps ? readAttr(dir, "deps") || {} : undefined,
  };
}

/** The fixed fields, as printed (`key: value`, empty values as ''). */
export function infoFields(info: RunInfo): [string, string][] {
  const { row } = info;
  return [
    ["id", row.id],
    ["operation", row.opDesc],
    ["from", info.from],
    ["status", row.status],
    ["started", formatTimestampUs(info.started)],
    ["stopped", formatTimestampUs(info.stopped)],
    ["marked", row.marked ? "yes" : "no"],
    ["label", info.label ?? ""],
    ["sourcecode_digest", info.sourcecodeDigest ?? ""],
    ["vcs_commit", info.vcsCommit ?? ""],
    ["run_dir", info.runDir],
    ["command", formatCommand(info.cmd)],
    ["exit_status", info.exitStatus === null || info.exitStatus === undefined ? "" : String(info.exitStatus)],
    ["pid", info.pid === null ? "" : String(info.pid)],
    ...(info.otherHost === null ? [] : [["host", info.otherHost] as [string, string]]),
  ];
}

/** Args holding a space (or empty) are shown in double quotes. */
export function formatCommand(cmd: readonly unknown[] | null): string {
  if (!cmd) return "";
  return cmd
    .map((arg) => String(arg))
    .map((arg) => (arg === "" || arg.includes(" ") ? `"${arg}"` : arg))
    .join(" ");
}

function timestamp(v: unknown): number | null {
  return typeof v === "number" ? v : null;
}

function stringOrNull(v: unknown): string | null {
  return v === undefined || v === null ? null : String(v);
}

function listOrNull(v: unknown): unknown[] | null {
  return Array.isArray(v) ? v : null;
}
