/**
 * A run's files for `guild cat` and `guild ls`: the file to show (a path in
 * the run dir or its source code copy, or the run's output), and the listing
 * Guild prints (sorted relative paths, `/` after directories, `.guild`
 * hidden unless asked for).
 */
import { lstatSync, readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { isAbsolute, join, relative, sep } from "node:path";
import type { Ctx } from "../context.js";
import { fail } from "../errors.js";
import { runsDirFor } from "../home.js";
import { guildPath } from "../store/paths.js";
import { compareCodePoints } from "../yaml/emitter.js";
import { SOURCECODE_DIR } from "../run/op-attr.js";
import { oneRun, type RunsQuery } from "./one-run.js";

export interface CatTarget {
  output: boolean;
  path?: string;
  sourcecode: boolean;
}

export function checkRelativePath(path: string | undefined, cmd: string): void {
  if (path !== undefined && isAbsolute(path)) fail(`PATH must be relative\nTry '${cmd} --help' for more information.`);
}

/** The file `guild cat` shows, and a note when options are ignored. */
export function catPathFor(runDir: string, t: CatTarget): { path: string; note?: string } {
  if (t.output) {
    const ignored = t.path !== undefined || t.sourcecode;
    // Guild's wording, spelling included.
    return { path: guildPath(runDir, "output"), note: ignored ? "--output cannot be used with other options - ignorning other options" : undefined };
  }
  if (t.path === undefined) fail("-p / --path is required unless --output is specified");
  return { path: join(t.sourcecode ? join(runDir, SOURCECODE_DIR) : runDir, t.path) };
}

/**
 * `guild cat -p` shows files of the run: a path that leads out of the run
 * dir, by `..` or through a link, is refused. Links into other runs of the
 * same store are followed: a pipeline or batch links its steps' runs.
 */
export function checkInsideRun(given: string, path: string, runDir: string, runsDir: string): void {
  const leaves = () => fail(`cannot show ${given}: the path leads out of the run directory`);
  if (!isWithin(path, runDir)) leaves();
  const real = realpathOrUndefined(path);
  // A missing file is reported by the read that follows.
  if (real === undefined) return;
  const roots = [runDir, runsDir].map((dir) => realpathOrUndefined(dir) ?? dir);
  if (!roots.some((root) => isWithin(real, root))) leaves();
}

function isWithin(path: string, dir: string): boolean {
  const rel = relative(dir, path);
  return rel === "" || (!rel.startsWith(`..${sep}`) && rel !== ".." && !isAbsolute(rel));
}

function realpathOrUndefined(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

export function readRunFile(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === "ENOENT") fail(`${path} does not exist`);
    if (err.code === "EISDIR") fail(`${path} is a directory`);
    fail(err.message);
  }
}

export interface LsOptions {
  path?: string;
  sourcecode: boolean;
  all: boolean;
  fullPath: boolean;
  followLinks: boolean;
}

/** Sorted paths under the run dir (relative, or absolute with fullPath). */
export function listRunFiles(runDir: string, o: LsOptions): string[] {
  const pattern = o.sourcecode ? (o.path ? `${SOURCECODE_DIR}/${o.path}` : SOURCECODE_DIR) : o.path;
  const matcher = pattern ? pathMatcher(pattern) : () => true;
  const keepGuild = o.all || o.sourcecode;
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of listDir(dir)) {
      const full = join(dir, name);
      const isDir = statSync(full, { throwIfNoEntry: false })?.isDirectory() === true;
      if (isDir && name === ".guild" && !keepGuild) continue;
      const rel = relative(runDir, full).split(sep).join("/");
      if (matcher(rel)) out.push((o.fullPath ? full : rel) + (isDir ? "/" : ""));
      if (isDir && (o.followLinks || !isLink(full))) walk(full);
    }
  };
  walk(runDir);
  return out.sort(compareCodePoints);
}

/** The `guild ls` header: the run dir with the home dir as `~`. */
export function runDirHeader(runDir: string, ctx: Ctx): string {
  if (ctx.env.NO_PATH_HEADER === "1") return runDir.split(sep).pop() ?? runDir;
  const home = ctx.env.HOME;
  return home && runDir.startsWith(home) ? join("~", runDir.slice(home.length + 1)) : runDir;
}

/** Guild matches a prefix, or the whole path as a shell pattern (fnmatch). */
function pathMatcher(pattern: string): (rel: string) => boolean {
  const re = fnmatchRegex(pattern);
  return (rel) => rel.startsWith(pattern) || re.test(rel);
}

export function fnmatchRegex(pattern: string): RegExp {
  let out = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (c === "*") out += "[\\s\\S]*";
    else if (c === "?") out += "[\\s\\S]";
    else if (c === "[") {
      const end = pattern.indexOf("]", i + 2);
      if (end === -1) {
        out += "\\[";
        continue;
      }
      let set = pattern.slice(i + 1, end);
      if (set.startsWith("!")) set = `^${set.slice(1)}`;
      out += `[${set.replaceAll("\\", "\\\\")}]`;
      i = end;
    } else out += c.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  }
  return new RegExp(`^${out}$`);
}

function listDir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function isLink(path: string): boolean {
  return lstatSync(path, { throwIfNoEntry: false })?.isSymbolicLink() === true;
}

/** `guild cat`: the bytes of one run's file or output. */
export function catRunFile(spec: string | undefined, filter: RunsQuery, t: CatTarget, ctx: Ctx): { bytes: Buffer; note?: string } {
  checkRelativePath(t.path, "guild cat");
  const run = oneRun(spec, filter, "guild cat", ctx);
  const { path, note } = catPathFor(run.dir, t);
  if (t.path !== undefined) checkInsideRun(t.path, path, run.dir, runsDirFor(ctx.home));
  return { bytes: readRunFile(path), note };
}

/** `guild ls`: one run's header line and file list. */
export function lsRun(spec: string | undefined, filter: RunsQuery, o: LsOptions, ctx: Ctx): { header: string; files: string[] } {
  checkRelativePath(o.path, "guild ls");
  const run = oneRun(spec, filter, "guild ls", ctx);
  return { header: o.fullPath ? run.dir : runDirHeader(run.dir, ctx), files: listRunFiles(run.dir, o) };
}
