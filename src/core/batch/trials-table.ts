/**
 * Trials as `--print-trials` shows them and `--save-trials` writes them
 * (pure): a `#` column then one column per flag name, sorted, values in
 * display encoding; the CSV has no `#` column, so it reads back as a batch
 * file.
 */
import { encodeFlagValue } from "../flags/encode.js";
import type { FlagMap } from "../flags/value.js";
import { formatCsvRow } from "../util/csv.js";
import { cutLine } from "../util/cut-line.js";

function trialsData(trials: readonly FlagMap[]): { names: string[]; rows: string[][] } {
  const names = [...new Set(trials.flatMap((t) => Object.keys(t)))].sort();
  const rows = trials.map((t) => names.map((n) => (n in t ? encodeFlagValue(t[n] ?? null) : "")));
  return { names, rows };
}

/** Table lines, cut to `width` columns as Guild cuts its tables (undefined: not cut). */
export function formatTrialsTable(trials: readonly FlagMap[], width: number | undefined): string[] {
  if (!trials.length) return [];
  const { names, rows } = trialsData(trials);
  const table = [["#", ...names], ...rows.map((row, i) => [String(i + 1), ...row])];
  const widths = (table[0] as string[]).map((_, col) => Math.max(...table.map((row) => (row[col] as string).length)));
  return table.map((row) =>
    cutLine(row.map((cell, col) => (col === row.length - 1 ? cell : cell.padEnd((widths[col] as number) + 2))).join(""), width),
  );
}

export function formatTrialsCsv(trials: readonly FlagMap[]): string {
  const { names, rows } = trialsData(trials);
  return [names, ...rows].map(formatCsvRow).join("");
}
