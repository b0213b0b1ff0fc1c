/**
 * The little colour Guild uses (dim notes), without a colour library: it is
 * not worth its load time at every start. Off unless stderr is a terminal;
 * `NO_COLOR` turns it off, `FORCE_COLOR` on.
 */
function colorEnabled(): boolean {
  if (process.env.NO_COLOR) return false;
  if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== "0") return true;
  return process.stderr.isTTY === true;
}

export function dim(text: string): string {
  return colorEnabled() ? `\u001b[2m${text}\u001b[22m` : text;
}
