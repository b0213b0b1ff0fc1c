/**
 * Python `repr()` and `pprint.pformat()` of flag values.
 *
 * Guild passes non-string flag values to scripts and env vars as
 * `pprint.pformat(val)`, and quotes label values with `repr()`, so these
 * spellings reach users' programs and must match Python's.
 */
import { compareCodePoints } from "../yaml/emitter.js";
import { pyFloatRepr, pyIntStr } from "../yaml/float-format.js";
import { isFlagMap, isFloat, type FlagMap, type FlagValue } from "./value.js";

const PPRINT_WIDTH = 80;

/** Python `repr(value)`; dicts in insertion order, as repr keeps them. */
export function pythonRepr(value: FlagValue): string {
  return repr(value, false);
}

/** Python `str(value)`: strings as they are, everything else as `repr`. */
export function pythonStr(value: FlagValue): string {
  return typeof value === "string" ? value : pythonRepr(value);
}

function repr(value: FlagValue, sortDicts: boolean): string {
  if (value === null) return "None";
  if (value === true) return "True";
  if (value === false) return "False";
  if (typeof value === "string") return pythonStrRepr(value);
  if (typeof value === "number") return Number.isInteger(value) ? pyIntStr(value) : pyFloatRepr(value);
  if (isFloat(value)) return pyFloatRepr(value.value);
  if (Array.isArray(value)) return `[${value.map((item) => repr(item, sortDicts)).join(", ")}]`;
  const entries = mapEntries(value, sortDicts).map(([k, v]) => `${pythonStrRepr(k)}: ${repr(v, sortDicts)}`);
  return `{${entries.join(", ")}}`;
}

function mapEntries(map: FlagMap, sorted: boolean): [string, FlagValue][] {
  const entries = Object.entries(map);
  return sorted ? entries.sort(([a], [b]) => compareCodePoints(a, b)) : entries;
}

// Python leaves printable characters alone; these classes are what it escapes.
const NON_PRINTABLE_RE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;
const NAMED_ESCAPES: Record<string, string> = { "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t" };

/** Python `repr(str)`: single quotes unless the text has `'` and no `"`. */
export function pythonStrRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) out += escapeReprChar(ch, quote);
  return out + quote;
}

function escapeReprChar(ch: string, quote: string): string {
  if (ch === quote) return "\\" + ch;
  const named = NAMED_ESCAPES[ch];
  if (named) return named;
  if (ch === " " || !NON_PRINTABLE_RE.test(ch)) return ch;
  const code = ch.codePointAt(0) ?? 0;
  const hex = code.toString(16);
  if (code <= 0xff) return "\\x" + hex.padStart(2, "0");
  if (code <= 0xffff) return "\\u" + hex.padStart(4, "0");
  return "\\U" + hex.padStart(8, "0");
}

/** Python tuple repr, as Guild logs ignored function args: `(2,)`, `('a', 1)`. */
export function pythonTupleRepr(values: FlagValue[]): string {
  const items = values.map(pythonRepr);
  return items.length === 1 ? `(${items[0]},)` : `(${items.join(", ")})`;
}

/** Python `pprint.pformat(value)`: sorted dicts, one item per line past 80 columns. */
export function pformat(value: FlagValue): string {
  const out: string[] = [];
  formatInto(out, value, 0, 0, 0);
  return out.join("");
}

function formatInto(out: string[], value: FlagValue, indent: number, allowance: number, level: number): void {
  const rep = repr(value, true);
  if (rep.length <= PPRINT_WIDTH - indent - allowance) {
    out.push(rep);
  } else if (Array.isArray(value)) {
    out.push("[");
    formatItems(out, value, indent, allowance + 1, level + 1);
    out.push("]");
  } else if (isFlagMap(value)) {
    out.push("{");
    formatDictItems(out, mapEntries(value, true), indent, allowance + 1, level + 1);
    out.push("}");
  } else if (typeof value === "string" && value.length > 0) {
    formatLongString(out, value, indent, allowance, level + 1);
  } else {
    out.push(rep);
  }
}

function formatItems(out: string[], items: FlagValue[], indent: number, allowance: number, level: number): void {
  const inner = indent + 1;
  items.forEach((item, i) => {
    if (i > 0) out.push(",\n" + " ".repeat(inner));
    formatInto(out, item, inner, i === items.length - 1 ? allowance : 1, level);
  });
}

function formatDictItems(out: string[], entries: [string, FlagValue][], indent: number, allowance: number, level: number): void {
  const inner = indent + 1;
  entries.forEach(([key, value], i) => {
    if (i > 0) out.push(",\n" + " ".repeat(inner));
    const keyRep = pythonStrRepr(key);
    out.push(keyRep + ": ");
    formatInto(out, value, inner + keyRep.length + 2, i === entries.length - 1 ? allowance : 1, level);
  });
}

// pprint splits a long string into adjacent literals at word ends (in
// parentheses at the top level), one per line.
function formatLongString(out: string[], s: string, indent: number, allowance: number, level: number): void {
  const top = level === 1;
  const ind = top ? indent + 1 : indent;
  const allow = top ? allowance + 1 : allowance;
  const chunks: string[] = [];
  const lines = s.match(/[^\n\r]*(?:\r\n|[\n\r]|$)/g)?.filter((line) => line !== "") ?? [s];
  lines.forEach((line, i) => {
    const lastLine = i === lines.length - 1;
    const rep = pythonStrRepr(line);
    if (rep.length <= PPRINT_WIDTH - ind - (lastLine ? allow : 0)) {
      chunks.push(rep);
      return;
    }
    const parts = line.match(/\S*\s*/g)?.filter((part) => part !== "") ?? [];
    let current = "";
    parts.forEach((part, j) => {
      const max = PPRINT_WIDTH - ind - (lastLine && j === parts.length - 1 ? allow : 0);
      const candidate = current + part;
      if (pythonStrRepr(candidate).length > max) {
        if (current) chunks.push(pythonStrRepr(current));
        current = part;
      } else {
        current = candidate;
      }
    });
    if (current) chunks.push(pythonStrRepr(current));
  });
  if (chunks.length === 1) {
    out.push(pythonStrRepr(s));
    return;
  }
  const body = chunks.join("\n" + " ".repeat(ind));
  out.push(top ? `(${body})` : body);
}
