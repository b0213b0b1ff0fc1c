/**
 * The little colour Guild uses (dim notes), without a colour library: it is
 * not worth its load time at every start. Off unless stderr is a terminal;
 * `NO_COLOR` turns it off, `FORCE_COLOR` on.
 */
import { isTerminal, type StdFd } from "./std-streams.js";

function colorEnabled(fd: StdFd): boolean {
  if (process.env.NO_COLOR) return false;
  if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== "0") return true;
  return isTerminal(fd);
}

/** `fd` is where the text goes (stdout 1, stderr 2): colour only when that is a terminal. */
export function dim(text: string, fd: StdFd = 2): string {
  return colorEnabled(fd) ? `\u001b[2m${text}\u001b[22m` : text;
}

export function yellow(text: string, fd: StdFd = 2): string {
  return colorEnabled(fd) ? `\u001b[33m${text}\u001b[39m` : text;
}
