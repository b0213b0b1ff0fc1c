/**
 * `guild diff`: two runs (or a run and a directory) compared by an external
 * diff program, one call per pair of paths, its output straight to the
 * terminal (Guild's subprocess.call). The program's exit status is not
 * ours: `diff` exits 1 when files differ, which is what was asked.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import type { Ctx } from "../context.js";
import { fail } from "../errors.js";
import { selectOneRunRow } from "../runs/select-rows.js";
import type { RunRow, RunsQuery } from "../runs/list.js";
import { sourcecodeDirFor } from "../runs/sourcecode-dir.js";
import { shellJoin, shellSplit } from "../util/shell-quote.js";
import { dirPairs, runPathPairs, runSpecsFor, type DiffRunArgs, type DiffSide, type DiffWhat, type PathPair } from "./diff-paths.js";

/** Guild's default where no graphical tool is looked for. */
export const DEFAULT_DIFF_CMD = "diff -ru";

export interface DiffRequest extends DiffRunArgs, DiffWhat {
  cmd?: string;
  query: RunsQuery;
}

export function diffRuns(req: DiffRequest, ctx: Ctx): void {
  const specs = runSpecsFor(req);
  const run = selectOneRunRow(req.query, specs.run, "guild diff", ctx);
  const cmd = shellSplit(req.cmd ?? DEFAULT_DIFF_CMD);
  if (!cmd.length) fail("invalid diff command ''");
  for (const [a, b] of pairsFor(req, run, specs.otherRun, ctx)) runDiffCmd(cmd, a, b, ctx);
}

function pairsFor(req: DiffRequest, run: RunRow, otherSpec: string | undefined, ctx: Ctx): PathPair[] {
  if (req.working) return dirPairs(sourcecodeDirFor(run.dir), workingDirFor(run), req.paths);
  if (req.dir !== undefined) return dirPairs(run.dir, join(ctx.cwd, req.dir), req.paths);
  const other = selectOneRunRow(req.query, otherSpec as string, "guild diff", ctx);
  const side = (r: RunRow): DiffSide => ({ dir: r.dir, sourcecodeDir: sourcecodeDirFor(r.dir) });
  return runPathPairs(side(run), side(other), req, (line) => ctx.out.stderr(`${line}\n`));
}

function workingDirFor(run: RunRow): string {
  if (run.opDir) return run.opDir;
  const id = run.id.slice(0, 8);
  return fail(
    `cannot find working source code directory for run ${id}\n` +
      `Try specifying the directory with 'guild diff ${id} --dir DIR'.`,
  );
}

function runDiffCmd(cmd: readonly string[], a: string, b: string, ctx: Ctx): void {
  const [exe, ...args] = cmd as [string, ...string[]];
  const result = spawnSync(exe, [...args, a, b], { cwd: ctx.cwd, env: ctx.env, stdio: "inherit" });
  const err = result.error as NodeJS.ErrnoException | undefined;
  if (!err) return;
  const reason = err.code === "ENOENT" ? `No such file or directory: '${exe}'` : err.message;
  fail(`error running '${shellJoin([...cmd, a, b])}': ${reason}`);
}
