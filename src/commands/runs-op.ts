/**
 * The shape every runs command that changes runs shares (Guild's runs_op):
 * filter, select, show the runs and ask (unless `-y`), then act. Nothing
 * selected prints the command's "nothing" note and exits 0; a "no" answer
 * exits 0 with nothing changed.
 */
import type { Ctx } from "../core/context.js";
import type { RunRow, RunsQuery } from "../core/runs/list.js";
import { selectRunRows } from "../core/runs/select-rows.js";
import { confirm } from "../core/util/prompt.js";
import { formatRunsTable } from "../output.js";

export interface RunsOpRequest {
  query: RunsQuery;
  /** RUN arguments; `defaultSpecs` when none (`[":"]` all, `["1"]` latest). */
  specs: readonly string[];
  defaultSpecs: readonly string[];
  cmdPath: string;
  yes: boolean;
  preview: string;
  /** The question; `{count}` becomes the number of runs. */
  question: string;
  defaultYes: boolean;
  nothing: string;
}

/** The runs to act on, or undefined when there are none or the answer was no. */
export function runsForOp(req: RunsOpRequest, ctx: Ctx): RunRow[] | undefined {
  const specs = dedupe(req.specs.length ? req.specs : req.defaultSpecs);
  const rows = selectRunRows(req.query, specs, req.cmdPath, ctx);
  if (!rows.length) {
    ctx.out.stderr(`${req.nothing}\n`);
    return undefined;
  }
  if (req.yes) return rows;
  previewRuns(req.preview, rows, ctx);
  const question = req.question.replace("{count}", String(rows.length));
  return confirm(question, req.defaultYes, (s) => ctx.out.stderr(s)) ? rows : undefined;
}

export function previewRuns(header: string, rows: readonly RunRow[], ctx: Ctx): void {
  const table = formatRunsTable(rows, false).map((line) => `  ${line}`);
  ctx.out.stderr(`${header}\n${table.join("\n")}\n`);
}

function dedupe(specs: readonly string[]): string[] {
  return [...new Set(specs)];
}
