/**
 * Output-scalar patterns are Python regular expressions (users copy them
 * from Guild's docs). This turns the Python-only syntax into JS: named
 * groups `(?P<n>...)`, backreferences `(?P=n)`, `\A`, `\Z` and leading
 * inline flags `(?i)`, `(?m)`, `(?s)`. Everything else the two share.
 */

export function pyRegex(source: string, extraFlags = ""): RegExp {
  const { body, flags } = leadingFlags(source);
  return new RegExp(translate(body), flags + extraFlags);
}

function leadingFlags(source: string): { body: string; flags: string } {
  const m = /^\(\?([aiLmsux]+)\)/.exec(source);
  if (!m) return { body: source, flags: "" };
  const letters = m[1] ?? "";
  if (letters.includes("x")) throw new Error("verbose patterns ((?x)) are not supported");
  const flags = [..."ims"].filter((f) => letters.includes(f)).join("");
  return { body: source.slice(m[0].length), flags };
}

function translate(src: string): string {
  let out = "";
  let inClass = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i] as string;
    if (c === "\\") {
      const next = src[i + 1] ?? "";
      i++;
      if (!inClass && next === "A") out += String.raw`(?<![\s\S])`;
      else if (!inClass && next === "Z") out += String.raw`(?![\s\S])`;
      else out += c + next;
      continue;
    }
    if (inClass) {
      if (c === "]") inClass = false;
      out += c;
      continue;
    }
    if (c === "[") {
      inClass = true;
      out += c;
      // A `]` first in a class is a literal in both dialects.
      if (src[i + 1] === "^") out += src[++i];
      if (src[i + 1] === "]") out += `\\${src[++i]}`;
      continue;
    }
    if (src.startsWith("(?P<", i)) {
      out += "(?<";
      i += 3;
      continue;
    }
    const backref = /^\(\?P=(\w+)\)/.exec(src.slice(i));
    if (backref) {
      out += `\\k<${backref[1]}>`;
      i += backref[0].length - 1;
      continue;
    }
    out += c;
  }
  return out;
}
