/** POSIX shell quoting and splitting, with Python shlex's rules. */

const SAFE = /^[\w@%+=:,./-]+$/;

export function shellQuote(s: string): string {
  if (s === "") return "''";
  if (SAFE.test(s)) return s;
  return `'${s.replaceAll("'", `'"'"'`)}'`;
}

export function shellJoin(args: readonly string[]): string {
  return args.map(shellQuote).join(" ");
}

/** shlex's whitespace in POSIX mode: only these four, not \v, \f or Unicode spaces. */
const WHITESPACE = " \t\r\n";

/**
 * Splits like `shlex.split` (POSIX mode, no comments). Throws on an open
 * quote or a trailing backslash, as shlex raises ValueError for both.
 */
export function shellSplit(s: string): string[] {
  const out: string[] = [];
  let cur = "";
  let inWord = false;
  let i = 0;
  while (i < s.length) {
    const c = s[i] as string;
    if (c === "'") {
      const end = s.indexOf("'", i + 1);
      if (end < 0) throw new Error("No closing quotation");
      cur += s.slice(i + 1, end);
      inWord = true;
      i = end + 1;
    } else if (c === '"') {
      i = readDoubleQuoted(s, i + 1, (text) => (cur += text));
      inWord = true;
    } else if (c === "\\") {
      if (i + 1 >= s.length) throw new Error("No escaped character");
      cur += s[i + 1];
      inWord = true;
      i += 2;
    } else if (WHITESPACE.includes(c)) {
      if (inWord) out.push(cur);
      cur = "";
      inWord = false;
      i += 1;
    } else {
      cur += c;
      inWord = true;
      i += 1;
    }
  }
  if (inWord) out.push(cur);
  return out;
}

/**
 * Reads a double-quoted part starting after its opening quote; returns the
 * index after the closing quote. A backslash escapes only `"` and itself
 * there; before anything else it is kept (shlex, unlike sh, keeps `\$`).
 */
function readDoubleQuoted(s: string, start: number, add: (text: string) => void): number {
  let i = start;
  while (i < s.length && s[i] !== '"') {
    if (s[i] === "\\") {
      const next = s[i + 1];
      if (next === undefined) throw new Error("No escaped character");
      add(next === '"' || next === "\\" ? next : `\\${next}`);
      i += 2;
    } else {
      add(s[i] as string);
      i += 1;
    }
  }
  if (i >= s.length) throw new Error("No closing quotation");
  return i + 1;
}
