/**
 * Decoding a flag VALUE string typed on the command line (spec §4.2), as
 * Guild's `flag_util.decode_flag_val` does it: a chain of decoders where the
 * first that succeeds wins. A decoder failing with a ValueError-like error
 * passes silently to the next; any other failure is logged as a warning
 * (`error decoding '<s>': <why>`) and the chain still goes on.
 */
import { loadYaml } from "../yaml/guild-yaml.js";
import { isFlagFunction, pyStrip, splitFlagFunction } from "./flag-function.js";
import { pythonStrRepr } from "./py-repr.js";
import { SEQUENCE_FUNCTIONS, expandSequence, pyError } from "./sequence.js";
import { isFloat, type FlagValue } from "./value.js";

export { isFlagFunction };

export interface DecodeResult {
  value: FlagValue;
  warnings: string[];
}

export interface FlagFunction {
  name: string | null;
  args: FlagValue[];
}

const AUTO_TYPES = new Set(["auto", "boolean", "number", "int", "float"]);
const STRING_TYPES = new Set(["string", "path", "existing-path"]);

/** Decodes `text` for a flag of type `flagType` (auto when omitted). */
export function decodeFlagValue(text: string, flagType?: string): DecodeResult {
  const warnings: string[] = [];
  const value = decode(text, flagType, false, warnings);
  return { value, warnings };
}

/** Name and decoded args of a flag function, or null when `s` is not one. */
export function parseFlagFunction(s: string): FlagFunction | null {
  return parseFunction(s, []);
}

function parseFunction(s: string, warnings: string[]): FlagFunction | null {
  const split = splitFlagFunction(s);
  if (!split) return null;
  const parts = split.argsText ? split.argsText.split(":") : [];
  // Args are decoded without the string-preserving fixes (`1e3` is 1000.0 here).
  const args = parts.map((part) => decode(pyStrip(part), undefined, true, warnings));
  return { name: split.name, args };
}

type Decoder = (s: string, warnings: string[]) => FlagValue;

function decode(s: string, flagType: string | undefined, nofix: boolean, warnings: string[]): FlagValue {
  const value = runDecoders(s, flagType, nofix, warnings);
  return nofix ? value : fixSurprisingNumber(value, s);
}

function runDecoders(s: string, flagType: string | undefined, nofix: boolean, warnings: string[]): FlagValue {
  if (s === "") return s;
  const decoders: Decoder[] = [...typeDecoders(flagType, warnings), decodePyInt, decodeFunction, decodeListRepeat];
  decoders.push(nofix ? decodeYaml : decodeYamlUnlessRunId);
  for (const decoder of decoders) {
    try {
      return decoder(s, warnings);
    } catch (e) {
      const error = e instanceof Error ? e : new Error(String(e));
      if (error.name !== "ValueError") warnings.push(`error decoding ${pythonStrRepr(s)}: ${error.message}`);
    }
  }
  return s;
}

function typeDecoders(flagType: string | undefined, warnings: string[]): Decoder[] {
  if (flagType === undefined || flagType === null || AUTO_TYPES.has(flagType)) return [];
  if (STRING_TYPES.has(flagType)) return [decodeStringType];
  warnings.push(`uknown flag type ${flagType}, assuming 'auto'`);
  return [];
}

function notDecoded(): Error {
  return pyError("ValueError", "not decoded");
}

// String-typed flags keep the text, unless it looks like YAML (quoted, list, map).
function decodeStringType(s: string): FlagValue {
  if ("['\"{".includes(s.slice(0, 1))) throw notDecoded();
  return s;
}

const PY_INT_RE = /^[+-]?\p{Nd}(?:_?\p{Nd})*$/u;

/** Python's `int(s)`: surrounding whitespace, sign, leading zeros and `_` separators allowed. */
function decodePyInt(s: string): FlagValue {
  const text = pyStrip(s);
  if (!PY_INT_RE.test(text)) throw notDecoded();
  const value = Number(text.replace(/_/g, "").replace(/\p{Nd}/gu, asciiDigit));
  return value === 0 ? 0 : value;
}

// Python's int() takes any Unicode decimal digit (`١٢` is 12). Digits come in
// runs of ten code points from zero, so the value is the offset in the run.
function asciiDigit(ch: string): string {
  const cp = ch.codePointAt(0) ?? 48;
  let first = cp;
  while (/\p{Nd}/u.test(String.fromCodePoint(first - 1))) first -= 1;
  return String((cp - first) % 10);
}

function decodeFunction(s: string, warnings: string[]): FlagValue {
  const fn = parseFunction(s, warnings);
  if (!fn) throw notDecoded();
  // Anonymous functions stay strings, which keeps YAML from reading `[1:2]` as [62].
  if (fn.name === null && fn.args.length >= 2) return s;
  if (fn.name !== null && SEQUENCE_FUNCTIONS.includes(fn.name)) return expandSequence(fn.name, fn.args, warnings);
  throw notDecoded();
}

const LIST_REPEAT_RE = /^(\[[^\n]*\])\s*\*\s*([0-9]+)$/;

/** `[1, 2] * 2` -> `[1, 2, 1, 2]`. */
function decodeListRepeat(s: string, warnings: string[]): FlagValue {
  const m = LIST_REPEAT_RE.exec(pyStrip(s));
  if (!m) throw notDecoded();
  const list = runDecoders(m[1] ?? "", undefined, false, warnings);
  if (!Array.isArray(list)) return s;
  const count = BigInt(m[2] ?? "0");
  if (count >= 2n ** 63n) throw pyError("OverflowError", "cannot fit 'int' into an index-sized integer");
  if (count * BigInt(list.length) > 10_000_000n) throw pyError("MemoryError", "list too long");
  const times = Number(count);
  return Array.from({ length: times }, () => list).flat(1);
}

// Short run ids such as `67217e15` read as floats; Guild keeps them strings.
const RUN_ID_PREFIX_RE = /^[0-9]+e[0-9]+/;

function decodeYamlUnlessRunId(s: string): FlagValue {
  if (s.length >= 3 && s.length <= 32 && RUN_ID_PREFIX_RE.test(s)) return s;
  return decodeYaml(s);
}

function decodeYaml(s: string): FlagValue {
  try {
    return loadYaml(s);
  } catch {
    // Any YAML failure means "not YAML": the raw string is used.
    throw notDecoded();
  }
}

/** Guild keeps the text when YAML made a number out of `1_000`, `1:30` and the like. */
function fixSurprisingNumber(value: FlagValue, s: string): FlagValue {
  const numeric = typeof value === "number" || typeof value === "boolean" || isFloat(value);
  if (numeric && !s.includes("!!") && (s.includes("_") || s.includes(":"))) return s;
  return value;
}
