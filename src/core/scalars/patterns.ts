/**
 * Output-scalar patterns (Guild's `output-scalars`): the config forms, the
 * `\key` `\value` `\step` aliases, and what a pattern logs for a line.
 *
 * Config, as guild.yml gives it and the `op` attr keeps it (coerced to a
 * list): a string (2 unnamed groups: key and value, or named groups `_key`
 * and `_val`, or any named groups: name = key), a map `{key: pattern with
 * one group}`, a list of those; `no` = [] = disabled; absent = the default
 * pattern, which skips keys that are flag names.
 */
import { pythonRepr } from "../flags/py-repr.js";
import { isFlagMap, type FlagValue } from "../flags/value.js";
import { compareCodePoints } from "../yaml/emitter.js";
import { pyFloat } from "./py-float.js";
import { pyRegex } from "./py-regex.js";

export const DEFAULT_OUTPUT_SCALARS: readonly string[] = [String.raw`^(\key):\s+(\value)$`];

const ALIASES: [RegExp, string][] = [
  [/\\key/g, "[^ \t]+"],
  [/\\value/g, String.raw`[0-9\.e\-]+`],
  [/\\step/g, "[0-9]+"],
];

export interface ScalarPattern {
  /** The map key the pattern logs under; null for string patterns. */
  key: string | null;
  /** The pattern after alias replacement, as Guild shows it. */
  source: string;
  regex: RegExp;
}

/** guild.yml's value in Guild's stored form; `invalid` for other types. */
export function coerceOutputScalars(data: unknown): unknown[] | null | "invalid" {
  if (data === undefined || data === null) return null;
  if (data === false) return [];
  if (typeof data === "string" || isFlagMap(data)) return [data];
  if (Array.isArray(data)) return data;
  return "invalid";
}

export function replaceAliases(pattern: string): string {
  return ALIASES.reduce((s, [alias, repl]) => s.replace(alias, () => repl), pattern);
}

/** Compiles a config list; bad items are reported through `warn` and skipped. */
export function compilePatterns(config: readonly unknown[], warn: (msg: string) => void): ScalarPattern[] {
  const patterns: ScalarPattern[] = [];
  const add = (key: string | null, val: unknown) => {
    if (typeof val !== "string") return warn(`invalid output scalar pattern: ${repr(val)}`);
    const source = replaceAliases(val);
    try {
      patterns.push({ key, source, regex: pyRegex(source, "g") });
    } catch (e) {
      warn(`error compiling pattern ${source}: ${(e as Error).message}`);
    }
  };
  for (const item of config) {
    if (typeof item === "string") add(null, item);
    else if (isFlagMap(item)) for (const k of Object.keys(item).sort(compareCodePoints)) add(k, item[k]);
    else warn(`invalid item config: ${repr(item)}`);
  }
  return patterns;
}

export interface PatternMatch {
  /** Each match's groups (undefined = group did not take part). */
  groups: (string | undefined)[][];
  values: Map<string, number>;
  /** Set when the pattern has neither 1 nor 2 unnamed groups. */
  badGroupCount?: number;
}

/** What one pattern logs for a line (already stripped of trailing space). */
export function matchPattern(line: string, p: ScalarPattern): PatternMatch {
  const result: PatternMatch = { groups: [], values: new Map() };
  p.regex.lastIndex = 0;
  for (const m of line.matchAll(p.regex)) {
    result.groups.push(m.slice(1));
    applyMatch(m, p.key, result);
  }
  return result;
}

function applyMatch(m: RegExpMatchArray, key: string | null, result: PatternMatch): void {
  const named = m.groups;
  if (named && Object.keys(named).length) {
    if ("_key" in named && "_val" in named) return setValue(result.values, named._key, named._val);
    for (const [name, s] of Object.entries(named)) setValue(result.values, name, s);
    return;
  }
  const groups = m.length - 1;
  if (groups === 1) setValue(result.values, key ?? undefined, m[1]);
  else if (groups === 2) setValue(result.values, m[1], m[2]);
  else result.badGroupCount = groups;
}

function setValue(values: Map<string, number>, key: string | undefined, s: string | undefined): void {
  const f = pyFloat(s);
  if (key !== undefined && f !== undefined) values.set(key, f);
}

/** Every value the patterns log for a line; later patterns win a key. */
export function matchLine(line: string, patterns: readonly ScalarPattern[]): Map<string, number> {
  const values = new Map<string, number>();
  for (const p of patterns) for (const [k, v] of matchPattern(line, p).values) values.set(k, v);
  return values;
}

function repr(x: unknown): string {
  return pythonRepr((x ?? null) as FlagValue);
}
