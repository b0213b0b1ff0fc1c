/**
 * A run's operation as listings show it: `say.py`, `m:train`, `queue`; a run
 * holding a proto (a batch) shows `<proto op>+` (`say.py+`), or
 * `<proto op>+<name>` for optimizers (`train+random`).
 */
import { existsSync, realpathSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { shortenPath } from "../flags/shorten-path.js";
import { opDescFor, parseOpref, readOpref, type OpRef } from "../store/opref.js";
import { protoDir } from "../store/paths.js";

export function runOpDesc(runDir: string): string {
  const opref = readOpref(runDir);
  return opref ? opDescWithProto(opref, readProtoOpref(runDir)) : "?";
}

function readProtoOpref(runDir: string): OpRef | undefined {
  const proto = protoDir(runDir);
  return existsSync(proto) ? readOpref(proto) : undefined;
}

function opDescWithProto(opref: OpRef, protoRef: OpRef | undefined): string {
  const own = opDescFor(opref);
  if (!protoRef) return own;
  const protoDesc = opDescFor(protoRef);
  return opref.opName === "+" ? `${protoDesc}+` : `${protoDesc}+${opref.opName}`;
}

/** A run's operation as listings and filters need it. */
export interface RunOpInfo {
  opDesc: string;
  /** The run's package as Guild formats it (`from:` of runs info). */
  pkgDesc: string;
  /** Project dir the run came from (its proto's, for a batch); null for builtins. */
  opDir: string | null;
}

export function runOpInfo(runDir: string, userHome: string): RunOpInfo {
  return opInfoFor(readOpref(runDir), readProtoOpref(runDir), userHome);
}

/** `runOpInfo` from the run's opref and its proto's, already read. */
export function opInfoFor(opref: OpRef | undefined, protoRef: OpRef | undefined, userHome: string): RunOpInfo {
  return {
    opDesc: opref ? opDescWithProto(opref, protoRef) : "?",
    pkgDesc: opref ? pkgDescFor(opref, userHome) : "",
    opDir: opDirFor(protoRef ?? opref),
  };
}

/** `runOpInfo`'s opDesc and pkgDesc for a run with no proto, from its opref line. */
export function opDescsForLine(line: string, userHome: string): Pick<RunOpInfo, "opDesc" | "pkgDesc"> {
  const opref = parseOpref(line);
  return { opDesc: opref ? opDescFor(opref) : "?", pkgDesc: opref ? pkgDescFor(opref, userHome) : "" };
}

function opDirFor(opref: OpRef | undefined): string | null {
  if (opref?.pkgType === "guildfile") return dirname(opref.pkgName);
  if (opref?.pkgType === "script") return opref.pkgName;
  return null;
}

export function pkgDescFor(opref: OpRef, userHome: string): string {
  if (opref.pkgType === "guildfile" || opref.pkgType === "script") return formatDir(opref.pkgName, userHome);
  if (opref.pkgType === "package") return `${opref.pkgName}==${opref.pkgVersion}`;
  return opref.pkgName;
}

/** An absolute path with the user's home shown as `~`. */
export function formatDir(path: string, userHome: string): string {
  const abs = resolve(path);
  if (userHome && userHome !== "/" && (abs === userHome || abs.startsWith(`${userHome}/`))) {
    return `~${abs.slice(userHome.length)}`;
  }
  return abs;
}

/**
 * ` (<dir>)` after the operation when the run's project dir is not `cwd`:
 * a subpath of cwd, `../x` beside it, else the full dir (`~/…`), shortened
 * to 28 characters.
 */
export function opDirSuffix(opDir: string | null, cwd: string, userHome: string): string {
  if (!opDir || realPath(opDir) === realPath(cwd)) return "";
  return ` (${shortenPath(relativeOpDir(opDir, cwd) ?? formatDir(opDir, userHome))})`;
}

function relativeOpDir(dir: string, cwd: string): string | undefined {
  if (dir.startsWith(`${cwd}/`)) return dir.slice(cwd.length + 1);
  const parent = dirname(cwd);
  if (dir === parent) return "../";
  const base = parent === "/" ? "/" : `${parent}/`;
  return dir.startsWith(base) && dir !== cwd ? `../${dir.slice(base.length)}` : undefined;
}

// Listings ask about the same few dirs for every run.
const realPaths = new Map<string, string>();

function realPath(path: string): string {
  let real = realPaths.get(path);
  if (real === undefined) {
    try {
      real = realpathSync(path);
    } catch {
      real = resolve(path);
    }
    realPaths.set(path, real);
  }
  return real;
}
