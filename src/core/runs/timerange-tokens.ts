/**
 * Tokens of `-S/--started` time range specs, lexed as Guild's lexer does:
 * at each position the first matching pattern wins (so `yearsss` is
 * `years` then an unknown `ss`), case-insensitive, whitespace skipped.
 */

export class TimeRangeError extends Error {}

export type Unit = "minute" | "hour" | "day" | "week" | "month" | "year";
const KEYWORDS = ["today", "yesterday", "this", "last", "ago", "before", "after", "between", "and"] as const;
export type Keyword = (typeof KEYWORDS)[number];

export type Token =
  | { type: "date"; parts: number[]; pos: number; text: string }
  | { type: "time"; parts: number[]; pos: number; text: string }
  | { type: "number"; value: number; pos: number; text: string }
  | { type: "unit"; unit: Unit; pos: number; text: string }
  | { type: "keyword"; word: Keyword; pos: number; text: string };

// Tried in this order at each position, first match wins (as Guild's lexer).
const LEXEMES: [RegExp, (m: RegExpExecArray, pos: number) => Token][] = [
  [/(\d{4})-(\d{1,2})-(\d{1,2})/y, (m, pos) => ({ type: "date", parts: ints(m), pos, text: m[0] })],
  [/(\d{2})-(\d{1,2})-(\d{1,2})/y, (m, pos) => ({ type: "date", parts: [-1, ...ints(m)], pos, text: m[0] })],
  [/(\d{1,2})-(\d{1,2})/y, (m, pos) => ({ type: "date", parts: [-2, ...ints(m)], pos, text: m[0] })],
  [/(\d{1,2}):(\d{2}):(\d{2})/y, (m, pos) => ({ type: "time", parts: ints(m), pos, text: m[0] })],
  [/(\d{1,2}):(\d{2})/y, (m, pos) => ({ type: "time", parts: ints(m), pos, text: m[0] })],
  [/days?/iy, (m, pos) => ({ type: "unit", unit: "day", pos, text: m[0] })],
  [/weeks?/iy, (m, pos) => ({ type: "unit", unit: "week", pos, text: m[0] })],
  [/months?/iy, (m, pos) => ({ type: "unit", unit: "month", pos, text: m[0] })],
  [/years?/iy, (m, pos) => ({ type: "unit", unit: "year", pos, text: m[0] })],
  [/\d+/y, (m, pos) => ({ type: "number", value: Number(m[0]), pos, text: m[0] })],
  [/hours?|hr/iy, (m, pos) => ({ type: "unit", unit: "hour", pos, text: m[0] })],
  [/minutes?|min/iy, (m, pos) => ({ type: "unit", unit: "minute", pos, text: m[0] })],
  [/[a-z]+/iy, (m, pos) => keywordToken(m[0], pos)],
];

function ints(m: RegExpExecArray): number[] {
  return m.slice(1).map(Number);
}

function keywordToken(word: string, pos: number): Token {
  const lower = word.toLowerCase() as Keyword;
  if (!KEYWORDS.includes(lower)) throw new TimeRangeError(`unexpected '${word}' at position ${pos}`);
  return { type: "keyword", word: lower, pos, text: word };
}

export function tokenize(spec: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  while (pos < spec.length) {
    if (/\s/.test(spec[pos] ?? "")) {
      pos += 1;
      continue;
    }
    const token = lexAt(spec, pos);
    if (!token) throw new TimeRangeError(`unexpected '${spec.slice(pos)}' at position ${pos}`);
    tokens.push(token);
    pos += token.text.length;
  }
  return tokens;
}

function lexAt(spec: string, pos: number): Token | undefined {
  for (const [re, make] of LEXEMES) {
    re.lastIndex = pos;
    const m = re.exec(spec);
    if (m) return make(m, pos);
  }
  return undefined;
}

