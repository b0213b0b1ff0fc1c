/**
 * Formatting for the terminal: the runs table and line cutting. Data goes to
 * stdout and notes to stderr; colour lives in core/util/ansi.ts.
 */
export { formatColumns, formatRunsTable, opColumn } from "./core/runs/table.js";

/** Guild cuts listing lines to the terminal width (80 when not a terminal). */
export function terminalWidth(env: NodeJS.ProcessEnv, stream: NodeJS.WriteStream = process.stdout): number {
  const fromEnv = Number(env.COLUMNS);
  if (Number.isInteger(fromEnv) && fromEnv > 0) return fromEnv;
  return stream.isTTY && stream.columns ? stream.columns : 80;
}

export function cutLine(line: string, width: number): string {
  return line.length > width ? line.slice(0, width) : line;
}
