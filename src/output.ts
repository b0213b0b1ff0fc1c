/**
 * Formatting for the terminal: the runs table and line cutting. Data goes to
 * stdout and notes to stderr; colour lives in core/util/ansi.ts.
 */
export { formatColumns, formatRunsTable, opColumn } from "./core/runs/table.js";
export { cutLine } from "./core/util/cut-line.js";

/**
 * The width tables are cut to: on a terminal, `COLUMNS` or the terminal's
 * width (Guild 0.9); in a pipe or a file, undefined: lines stay whole.
 */
export function terminalWidth(env: NodeJS.ProcessEnv, stream: NodeJS.WriteStream = process.stdout): number | undefined {
  if (!stream.isTTY) return undefined;
  const fromEnv = Number(env.COLUMNS);
  if (Number.isInteger(fromEnv) && fromEnv > 0) return fromEnv;
  return stream.columns || 80;
}
