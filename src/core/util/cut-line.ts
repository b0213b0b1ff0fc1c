/**
 * Table lines cut to the terminal's width, as Guild 0.9 cuts them on a
 * terminal (and only there), with a `…` where the cut is (pure).
 */

/** `width` undefined: not a terminal, the line is kept whole. */
export function cutLine(line: string, width: number | undefined): string {
  if (width === undefined || line.length <= width) return line;
  return `${line.slice(0, Math.max(width - 1, 0))}…`;
}
