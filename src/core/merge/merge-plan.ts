/**
 * What `guild merge` copies from a run into a project (Guild 0.9's
 * run_merge.py): the run's source code files (from the run's source copy,
 * `.guild/sourcecode/` here and in Guild 2020, or the run dir as Guild 0.9's
 * `.guild/manifest` lists them) and, with `--all`, every other run file
 * except Guild's own `.guild/`. A file is skipped when source code is
 * skipped (`s`), it matches an `--exclude` pattern (`x`), it is the same as
 * the target's (`u`), or it is not source code and `--all` was not given (`?`).
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fnmatchRegex } from "../runs/run-files.js";
import { sourcecodeDirFor } from "../runs/sourcecode-dir.js";
import { guildPath } from "../store/paths.js";
import { shellSplit } from "../util/shell-quote.js";

export type SkipReason = "s" | "x" | "u" | "?";

export interface MergeFile {
  /** `s` source code, `o` another run file. */
  type: "s" | "o";
  runPath: string;
  targetPath: string;
}

export interface MergePlan {
  runDir: string;
  targetDir: string;
  toCopy: MergeFile[];
  toSkip: (MergeFile & { reason: SkipReason })[];
}

export interface MergeOptions {
  all: boolean;
  skipSourcecode: boolean;
  sourcecodeOnly: boolean;
  exclude: readonly string[];
}

export const SKIP_REASONS: Record<SkipReason, string> = {
  s: "skipped source code",
  x: "excluded",
  u: "unchanged",
  "?": "non-project file",
};

export function planMerge(runDir: string, targetDir: string, o: MergeOptions): MergePlan {
  const plan: MergePlan = { runDir, targetDir, toCopy: [], toSkip: [] };
  const excluded = o.exclude.map(fnmatchRegex);
  const sources = sourceFiles(runDir);
  const sourceRunPaths = new Set(sources.map((f) => f.runPath));
  const others = o.sourcecodeOnly
    ? []
    : runFiles(runDir)
        .filter((p) => !p.startsWith(".guild") && !sourceRunPaths.has(p))
        .map((p): MergeFile => ({ type: "o", runPath: p, targetPath: p }));
  for (const f of [...sources, ...others].sort((a, b) => (a.runPath < b.runPath ? -1 : 1))) {
    const reason = skipReason(f, plan, o, excluded);
    if (reason) plan.toSkip.push({ ...f, reason });
    else plan.toCopy.push(f);
  }
  // A generated file wins over the source file it would overwrite (Guild's prefer_nonsource).
  const otherTargets = new Set(plan.toCopy.filter((f) => f.type === "o").map((f) => f.targetPath));
  plan.toCopy = plan.toCopy.filter((f) => f.type === "o" || !otherTargets.has(f.targetPath));
  return plan;
}

function skipReason(f: MergeFile, plan: MergePlan, o: MergeOptions, excluded: RegExp[]): SkipReason | undefined {
  if (f.type === "s" && o.skipSourcecode) return "s";
  if (f.type === "o" && !o.all) return "?";
  if (excluded.some((re) => re.test(f.targetPath))) return "x";
  if (sameFile(join(plan.runDir, f.runPath), join(plan.targetDir, f.targetPath))) return "u";
  return undefined;
}

/** Source code: Guild 0.9's manifest `s` entries, else the files of the source copy. */
function sourceFiles(runDir: string): MergeFile[] {
  const manifest = readManifest(runDir);
  if (manifest) return manifest;
  const dir = sourcecodeDirFor(runDir);
  if (dir === runDir) return [];
  const prefix = relative(runDir, dir).split(sep).join("/");
  return runFiles(dir).map((p) => ({ type: "s", runPath: `${prefix}/${p}`, targetPath: p }));
}

/** `.guild/manifest`: one shell-quoted entry per line, `s RUN_PATH HASH SOURCE_PATH` for source code. */
function readManifest(runDir: string): MergeFile[] | undefined {
  let text: string;
  try {
    text = readFileSync(guildPath(runDir, "manifest"), "utf8");
  } catch {
    return undefined;
  }
  const out: MergeFile[] = [];
  for (const line of text.split("\n")) {
    let entry: string[];
    try {
      entry = shellSplit(line);
    } catch {
      continue;
    }
    const [type, runPath, , source] = entry;
    if (type === "s" && runPath !== undefined && source !== undefined) out.push({ type: "s", runPath, targetPath: source });
  }
  return out;
}

/** Files under `dir` (links followed, as Guild's file_util.find), relative, `/`-separated. */
function runFiles(dir: string, base = dir, seen = new Set<string>()): string[] {
  const out: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of names) {
    const path = join(dir, name);
    const st = statSync(path, { throwIfNoEntry: false });
    if (st?.isFile()) out.push(relative(base, path).split(sep).join("/"));
    else if (st?.isDirectory() && !seen.has(`${st.dev}:${st.ino}`)) {
      seen.add(`${st.dev}:${st.ino}`);
      out.push(...runFiles(path, base, seen));
    }
  }
  return out;
}

function sameFile(a: string, b: string): boolean {
  const [sa, sb] = [statSync(a, { throwIfNoEntry: false }), statSync(b, { throwIfNoEntry: false })];
  if (!sa?.isFile() || !sb?.isFile() || sa.size !== sb.size) return false;
  return readFileSync(a).equals(readFileSync(b));
}
