/**
 * Formatting for the terminal: the runs table and line cutting. Data goes to
 * stdout and notes to stderr; colour lives in core/util/ansi.ts.
 */
import type { RunRow } from "./core/runs/list.js";
import { shortId } from "./core/store/ids.js";
import { formatTimestampUs } from "./core/util/time-format.js";

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

/** Guild cuts listing lines to the terminal width (80 when not a terminal). */
export function terminalWidth(env: NodeJS.ProcessEnv, stream: NodeJS.WriteStream = process.stdout): number {
  const fromEnv = Number(env.COLUMNS);
  if (Number.isInteger(fromEnv) && fromEnv > 0) return fromEnv;
  return stream.isTTY && stream.columns ? stream.columns : 80;
}

export function cutLine(line: string, width: number): string {
  return line.length > width ? line.slice(0, width) : line;
}
