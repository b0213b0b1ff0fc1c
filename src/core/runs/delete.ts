/**
 * Deleting runs: moved to `<home>/trash/runs/` (restorable), or removed
 * with `permanent`. A batch's trials are separate runs and stay.
 */
import { mkdirSync, renameSync, rmSync, existsSync } from "node:fs";
import { join } from "node:path";
import type { Ctx } from "../context.js";
import { trashRunsDirFor } from "../home.js";
import type { RunRow } from "./list.js";
import { randomBytes } from "node:crypto";

export function deleteRuns(rows: readonly RunRow[], permanent: boolean, ctx: Ctx): number {
  const trash = trashRunsDirFor(ctx.home);
  if (!permanent) mkdirSync(trash, { recursive: true });
  for (const row of rows) {
    if (permanent) rmSync(row.dir, { recursive: true, force: true });
    else moveToTrash(row, trash, ctx);
  }
  return rows.length;
}

function moveToTrash(row: RunRow, trash: string, ctx: Ctx): void {
  const dest = join(trash, row.id);
  if (existsSync(dest)) {
    const backup = `${dest}_${randomBytes(4).toString("hex")}`;
    ctx.out.stderr(`WARNING: ${dest} exists, moving to ${backup}\n`);
    renameSync(dest, backup);
  }
  renameSync(row.dir, dest);
}
