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

/** Splits like `shlex.split` (POSIX mode, no comments). */
export function shellSplit(s: string): string[] {
  const out: string[] = [];
  let cur = "";
  let inWord = false;
  let i = 0;
  while (i < s.length) {
    const c = s[i] as string;
    if (c === "'") {
      const end = s.indexOf("'", i + 1);
      if (end < 0) throw new Error("no closing quotation");
      cur += s.slice(i + 1, end);
      inWord = true;
      i = end + 1;
    } else if (c === '"') {
      i += 1;
      while (i < s.length && s[i] !== '"') {
        if (s[i] === "\\" && i + 1 < s.length && '\\"$`\n'.includes(s[i + 1] as string)) i += 1;
        cur += s[i];
        i += 1;
      }
      if (i >= s.length) throw new Error("no closing quotation");
      inWord = true;
      i += 1;
    } else if (c === "\\" && i + 1 < s.length) {
      cur += s[i + 1];
      inWord = true;
      i += 2;
    } else if (/\s/.test(c)) {
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
