/**
 * Recognising flag functions: `name[args]` (`uniform[1:2]`, `range[1:5]`) and
 * anonymous `[A:B...]` (`[1:10]`). Any such value makes a run a random
 * batch (§4.3), and a few named ones are sequences expanded on decode.
 */
import { loadYaml } from "../yaml/guild-yaml.js";

export interface SplitFunction {
  name: string | null;
  argsText: string;
}

// Python's `re.match`: anchored at the start only, `.` stops at a newline, and
// the greedy `.*` takes the args up to the last `]` of the first line.
const NAMED_FUNCTION_RE = /^([a-zA-Z0-9_\-.]+)\[([^\n]*)\]/;

/** True for strings Guild treats as flag functions. */
export function isFlagFunction(value: unknown): boolean {
  return typeof value === "string" && splitFlagFunction(value) !== null;
}

/** Name (null when anonymous) and raw args text of a flag function, or null. */
export function splitFlagFunction(s: string): SplitFunction | null {
  const named = NAMED_FUNCTION_RE.exec(s);
  if (named) return { name: named[1] ?? "", argsText: pyStrip(named[2] ?? "") };
  return splitAnonymous(s);
}

// `[1:2]` reads as YAML too (a list holding the sexagesimal int 62), so a
// bracketed value with a colon is a function only when YAML fails on it or
// gives a one-item list of a string or int, e.g. `[1:10]` or `[a:b]`.
function splitAnonymous(s: string): SplitFunction | null {
  if (!(s.startsWith("[") && s.endsWith("]") && s.includes(":"))) return null;
  let parsed: unknown;
  try {
    parsed = loadYaml(s);
  } catch {
    return { name: null, argsText: s.slice(1, -1) };
  }
  if (Array.isArray(parsed) && parsed.length === 1) {
    const item: unknown = parsed[0];
    // Python's isinstance(x, int) is true for bools as well.
    if (typeof item === "string" || typeof item === "number" || typeof item === "boolean") {
      return { name: null, argsText: s.slice(1, -1) };
    }
  }
  return null;
}

/** Python `str.strip()` (its whitespace set differs slightly from JS `trim`). */
export function pyStrip(s: string): string {
  return s.replace(PY_EDGE_SPACE_RE, "");
}

const PY_EDGE_SPACE_RE =
  /^[\t\n\v\f\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+|[\t\n\v\f\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/g;
