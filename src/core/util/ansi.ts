/**
 * The little colour Guild uses (dim notes), without a colour library: it is
 * not worth its load time at every start. Off unless stderr is a terminal;
 * `NO_COLOR` turns it off, `FORCE_COLOR` on.
 */
function colorEnabled(stream: NodeJS.WriteStream): boolean {
  if (process.env.NO_COLOR) return false;
  if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== "0") return true;
  return stream.isTTY === true;
}

/** `stream` is where the text goes: colour only when that is a terminal. */
export function dim(text: string, stream: NodeJS.WriteStream = process.stderr): string {
  return colorEnabled(stream) ? `\u001b[2m${text}\u001b[22m` : text;
}

export function yellow(text: string, stream: NodeJS.WriteStream = process.stderr): string {
  return colorEnabled(stream) ? `\u001b[33m${text}\u001b[39m` : text;
}
