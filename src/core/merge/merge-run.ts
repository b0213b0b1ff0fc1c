/**
 * `guild merge`: one run's files copied into a project directory, with
 * Guild 0.9's checks (merge_impl.py): by default only into the directory
 * the run came from; never replacing a file unless `--replace`; a preview
 * and `Continue (y/N)?` unless `-y`; `--preview` shows everything and copies
 * nothing. Messages and the listing go to stderr, as in Guild.
 */
import { copyFileSync, existsSync, mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { Ctx } from "../context.js";
import { exitQuietly, fail, failPlain } from "../errors.js";
import type { RunRow, RunsQuery } from "../runs/list.js";
import { formatDir } from "../runs/op-desc.js";
import { selectOneRunRow } from "../runs/select-rows.js";
import { readOpref } from "../store/opref.js";
import { confirm } from "../util/prompt.js";
import { planMerge, SKIP_REASONS, type MergeOptions, type MergePlan } from "./merge-plan.js";

export interface MergeRequest extends MergeOptions {
  run?: string;
  query: RunsQuery;
  targetDir?: string;
  preview: boolean;
  yes: boolean;
  replace: boolean;
}

/** Shows a run in the preview (Guild's runs table: short index, op, started, status, label). */
export type ShowRun = (row: RunRow) => string;

export function mergeRun(req: MergeRequest, showRun: ShowRun, ctx: Ctx): void {
  const row = selectOneRunRow(req.query, req.run, "guild merge", ctx);
  const targetDir = req.targetDir !== undefined ? resolve(ctx.cwd, req.targetDir) : checkedCwd(row, ctx);
  const plan = planMerge(row.dir, targetDir, req);
  const err = (s: string) => ctx.out.stderr(s);
  if (!req.replace) checkReplace(plan, ctx);
  const where = targetDir === ctx.cwd ? "the current directory" : `'${req.targetDir ?? targetDir}'`;
  if (!plan.toCopy.length && !req.preview) {
    err(`Nothing to copy for the following run:\n${showRun(row)}\nTry 'guild merge --preview' for a list of skipped files.\n`);
    return;
  }
  if (req.preview || !req.yes) {
    const head = req.preview ? `Merge will copy files from the following run to ${where}:` : `You are about to copy files from the following run to ${where}:`;
    err(`${head}\n${showRun(row)}\n${previewFiles(plan, req.preview)}`);
    if (req.preview) return;
    if (!confirm("Continue?", false, err)) exitQuietly(0);
  }
  for (const f of [...plan.toCopy].sort((a, b) => (a.targetPath < b.targetPath ? -1 : 1))) {
    err(`Copying ${f.targetPath}\n`);
    const dest = join(targetDir, f.targetPath);
    mkdirSync(dirname(dest), { recursive: true });
    copyFileSync(join(row.dir, f.runPath), dest);
  }
}

/** Without --target-dir, only into the project the run came from. */
function checkedCwd(row: RunRow, ctx: Ctx): string {
  const opref = readOpref(row.dir);
  if (opref?.pkgType !== "guildfile" && opref?.pkgType !== "script") {
    fail(
      `run ${row.id} does not originate from a project - cannot merge to the current directory by default\n` +
        "Use --target-dir to skip this check or try 'guild merge --help' for more information.",
    );
  }
  if (row.opDir !== ctx.cwd) {
    fail(
      `run ${row.id} was created from a different project (${formatDir(row.opDir ?? "", ctx.env.HOME ?? "")}) - ` +
        "cannot merge to the current directory by default\n" +
        "Use '--target-dir .' to override this check or try 'guild merge --help' for more information.",
    );
  }
  return ctx.cwd;
}

function checkReplace(plan: MergePlan, ctx: Ctx): void {
  const replacing = plan.toCopy.map((f) => f.targetPath).filter((p) => existsSync(join(plan.targetDir, p)));
  if (!replacing.length) return;
  const where = plan.targetDir === ctx.cwd ? "the current directory" : `'${plan.targetDir}'`;
  failPlain(
    `guild: files in ${where} would be replaced:\n${replacing.sort().map((p) => `  ${p}\n`).join("")}Use --replace to skip this check.`,
  );
}

function previewFiles(plan: MergePlan, full: boolean): string {
  const lines = ["Files:"];
  if (!plan.toCopy.length) lines.push("  nothing to copy");
  lines.push(...plan.toCopy.map((f) => `  ${f.targetPath}`).sort());
  if (plan.toSkip.length && full) {
    lines.push("Skipped:");
    const width = Math.max(...plan.toSkip.map((f) => f.targetPath.length));
    lines.push(...[...plan.toSkip].sort((a, b) => (a.targetPath < b.targetPath ? -1 : 1)).map((f) => `  ${f.targetPath.padEnd(width)}  ${SKIP_REASONS[f.reason]}`));
  } else if (plan.toSkip.length) {
    const n = plan.toSkip.length;
    lines.push(`${n === 1 ? "1 file" : `${n} files`} will not be copied (use --preview to show the full list)`);
  }
  return `${lines.join("\n")}\n`;
}
