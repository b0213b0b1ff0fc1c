/** Runs as table rows, the way Guild lists them (pure formatting). */
import { shortId } from "../store/ids.js";
import { formatTimestampUs } from "../util/time-format.js";
import type { RunRow } from "./list.js";

/**
 * Columns padded to the widest value plus two spaces; the label last,
 * unpadded. Prompts list runs by short id only (`indexed: false`).
 */
export function formatRunsTable(rows: readonly RunRow[], indexed = true): string[] {
  const cells = rows.map((r) => [
    indexed ? `[${r.index}:${shortId(r.id)}]` : `[${shortId(r.id)}]`,
    opColumn(r),
    formatTimestampUs(r.started),
    r.status,
    r.label,
  ]);
  return formatColumns(cells);
}

/** The operation as listed: project dir suffix and ` [marked]` added. */
export function opColumn(r: RunRow): string {
  return `${r.opDesc}${r.opDirSuffix}${r.marked ? " [marked]" : ""}`;
}

export function formatColumns(rows: readonly string[][]): string[] {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, cell.length);
    });
  }
  return rows.map((row) =>
    row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join("  "),
  );
}
