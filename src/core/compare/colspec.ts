/**
 * Guild's column specs (`guild compare -c`, an operation's `compare:` in
 * guild.yml), parsed as guild/query/qlex.py and qparse.py do: a comma list
 * of columns, each a scalar (`loss`, `scalar:loss`, `min loss`,
 * `loss step`, `max acc step`), a run attribute (`.started`, `attr:label`)
 * or a flag (`=lr`, `flag:lr`), optionally `as NAME`. A quoted term is
 * a YAML string and always a scalar key. Pure.
 */

export type ScalarQualifier = "min" | "max" | "first" | "last" | "avg" | "total" | "count";

export type Col =
  | { kind: "scalar"; key: string; qualifier?: ScalarQualifier; step: boolean; as?: string }
  | { kind: "attr"; name: string; as?: string }
  | { kind: "flag"; name: string; as?: string };

export class ColspecError extends Error {}

const QUALIFIERS = new Set<string>(["min", "max", "first", "last", "avg", "total", "count"]);
const RESERVED = new Set<string>([...QUALIFIERS, "select", "step", "as"]);

type TokType = "scalar:" | "attr:" | "flag:" | "." | "," | "=" | "word" | "quoted" | "reserved";

interface Tok {
  type: TokType;
  value: string;
  pos: number;
}

/** Guild parses `select <colspec>`: positions in its errors count those 7 characters. */
const OFFSET = "select ".length;

const FIXED: readonly TokType[] = ["scalar:", "attr:", "flag:", ".", ",", "="];
const UNQUOTED = /[^'",\n][^ ,\n]*/y;
const QUOTED = /"(?:[^\\\n]|\\.)*?"|'(?:[^\\\n]|\\.)*?'/y;

export function lexColspec(s: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s[i] as string;
    if (c === " " || c === "\t" || c === "\n") {
      i++;
      continue;
    }
    const fixed = FIXED.find((f) => s.startsWith(f, i));
    if (fixed) {
      toks.push({ type: fixed, value: fixed, pos: i + OFFSET });
      i += fixed.length;
      continue;
    }
    const m = matchAt(UNQUOTED, s, i) ?? matchAt(QUOTED, s, i);
    if (!m) throw new ColspecError(`unexpected character '${c}', line 1, pos ${i + OFFSET}`);
    const type: TokType = m.startsWith("'") || m.startsWith('"') ? "quoted" : RESERVED.has(m) ? "reserved" : "word";
    toks.push({ type, value: m, pos: i + OFFSET });
    i += m.length;
  }
  return toks;
}

function matchAt(re: RegExp, s: string, i: number): string | undefined {
  re.lastIndex = i;
  return re.exec(s)?.[0];
}

/** The columns of a spec; throws ColspecError with Guild's messages. */
export function parseColspec(s: string): Col[] {
  const toks = lexColspec(s);
  let i = 0;
  const peek = () => toks[i];
  const take = (): Tok => {
    const t = toks[i++];
    if (!t) throw new ColspecError("query string cannot be empty");
    return t;
  };
  const unexpected = (t: Tok): never => {
    throw new ColspecError(`unexpected token '${t.value}', line 1, pos ${t.pos}`);
  };
  const term = (t: Tok): string => (t.type === "word" ? t.value : t.type === "quoted" ? unquote(t.value) : unexpected(t));
  const cols: Col[] = [];
  for (;;) {
    const col = parseCol(take, term, unexpected);
    if (col.kind === "scalar" && peek()?.type === "reserved" && peek()?.value === "step") {
      take();
      col.step = true;
    }
    while (peek()?.type === "reserved" && peek()?.value === "as") {
      take();
      const t = take();
      col.as = t.type === "reserved" && (QUALIFIERS.has(t.value) || t.value === "step") ? t.value : term(t);
    }
    cols.push(col);
    const next = peek();
    if (!next) return cols;
    if (next.type !== ",") unexpected(next);
    take();
  }
}

function parseCol(take: () => Tok, term: (t: Tok) => string, unexpected: (t: Tok) => never): Col {
  const t = take();
  switch (t.type) {
    case ".":
    case "attr:":
      return { kind: "attr", name: term(take()) };
    case "=":
    case "flag:": {
      const name = take();
      return name.type === "word" ? { kind: "flag", name: name.value } : unexpected(name);
    }
    case "scalar:":
      return { kind: "scalar", key: term(take()), step: false };
    case "reserved":
      if (!QUALIFIERS.has(t.value)) return unexpected(t);
      return { kind: "scalar", key: term(take()), qualifier: t.value as ScalarQualifier, step: false };
    default:
      return { kind: "scalar", key: term(t), step: false };
  }
}

/** A quoted term as YAML reads it: '' doubles a single quote, "" takes escapes. */
function unquote(q: string): string {
  const body = q.slice(1, -1);
  if (q.startsWith("'")) return body.replaceAll("''", "'");
  try {
    return JSON.parse(q) as string;
  } catch {
    return body;
  }
}

/** The column's heading (Guild's Col.header). */
export function colHeader(col: Col): string {
  if (col.as !== undefined) return col.as;
  if (col.kind !== "scalar") return col.name;
  return `${col.key.replaceAll("#", " ").trim()}${col.step ? " step" : ""}`;
}
