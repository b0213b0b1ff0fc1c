/**
 * Formatting for the terminal: the runs table and line cutting. Data goes to
 * stdout and notes to stderr; colour lives in core/util/ansi.ts.
 */
export { formatColumns, formatRunsTable, opColumn } from "./core/runs/table.js";
export { cutLine } from "./core/util/cut-line.js";
import { isTerminal, stdStream, type StdFd } from "./core/util/std-streams.js";

/**
 * The width tables are cut to: on a terminal, `COLUMNS` or the terminal's
 * width (Guild 0.9); in a pipe or a file, undefined: lines stay whole.
 */
export function terminalWidth(env: NodeJS.ProcessEnv, fd: StdFd = 1): number | undefined {
  if (!isTerminal(fd)) return undefined;
  const fromEnv = Number(env.COLUMNS);
  if (Number.isInteger(fromEnv) && fromEnv > 0) return fromEnv;
  return stdStream(fd).columns || 80;
}
