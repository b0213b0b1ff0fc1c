/**
 * Path shortening for labels (`/srv/…/data/train.csv`), as Guild's
 * `util.shorten_path`: keep the last part (and the first, for relative
 * paths), then add parts alternately from both ends while they fit.
 */

const ELLIPSIS = "\u2026";
const SEP = "/";

export function shortenPath(path: string, maxLen = 28): string {
  if (path.length <= maxLen) return path;
  const parts = splitPathParts(path);
  if (parts.length === 1) return parts[0] ?? path;
  const right = [parts.pop() ?? ""];
  const left: string[] = [];
  // A relative path always keeps its first part; an absolute one starts from the right.
  let fromRight = !(parts[0] ?? "").startsWith(SEP);
  if (fromRight) left.push(parts.shift() ?? "");
  while (parts.length) {
    const used = partsLength(left) + partsLength(right);
    const part = (fromRight ? parts.pop() : parts.shift()) ?? "";
    if (used + part.length + ELLIPSIS.length >= maxLen) break;
    (fromRight ? right : left).push(part);
    fromRight = !fromRight;
  }
  const shortened = [left.join(SEP), ELLIPSIS, [...right].reverse().join(SEP)].join(SEP);
  return shortened.length >= path.length ? path : shortened;
}

function partsLength(parts: string[]): number {
  return parts.reduce((sum, part) => sum + part.length + 1, 0);
}

// Leading and repeated separators stay attached to the next part:
// "/foo/bar" -> ["/foo", "bar"], "foo//bar" -> ["foo", "/bar"].
function splitPathParts(path: string): string[] {
  if (!path) return [];
  const packed: string[] = [];
  let blanks: string[] = [];
  for (const part of path.split(SEP)) {
    if (part === "") {
      blanks.push("");
    } else {
      packed.push([...blanks, part].join(SEP));
      blanks = [];
    }
  }
  if (blanks.length > 1) packed.push(blanks.join(SEP));
  return packed;
}
