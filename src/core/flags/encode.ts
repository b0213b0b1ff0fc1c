/**
 * Flag value spellings: display (§4.5), `NAME=VALUE` assignments, labels,
 * and how a value reaches a script's command line and environment (§3.5).
 */
import { existsSync } from "node:fs";
import { compareCodePoints, encodeYaml } from "../yaml/emitter.js";
import { pyIntStr, yamlFloatRepr } from "../yaml/float-format.js";
import { pformat, pythonStrRepr } from "./py-repr.js";
import { shortenPath } from "./shorten-path.js";
import { isFloat, type FlagMap, type FlagValue } from "./value.js";

export { pformat, pythonRepr, pythonStr, pythonStrRepr } from "./py-repr.js";

const LABEL_FLOAT_DECIMALS = 5;
const LABEL_PATH_LEN = 20;

/** Display encoding: `yes`/`no`/`null`, `[a, b]`, `{k: v}` sorted, YAML scalars (`'1'`, `1.0e-05`). */
export function encodeFlagValue(v: FlagValue): string {
  if (v === true) return "yes";
  if (v === false) return "no";
  if (v === null) return "null";
  // Numbers are always plain scalars: their spelling without the emitter
  // (compare formats thousands of them), as the unit test checks.
  if (isFloat(v)) return yamlFloatRepr(v.value);
  if (typeof v === "number" && Number.isInteger(v)) return pyIntStr(v);
  if (Array.isArray(v)) return `[${v.map(encodeFlagValue).join(", ")}]`;
  if (typeof v === "object" && !isFloat(v)) {
    const keys = Object.keys(v).sort(compareCodePoints);
    return `{${keys.map((k) => `${encodeFlagValue(k)}: ${encodeFlagValue(v[k] ?? null)}`).join(", ")}}`;
  }
  return encodeYaml(v);
}

export interface FormatOptions {
  /** Cut float decimals to 5 digits, as labels do (`0.33333`), or to N digits. */
  truncateFloats?: boolean | number;
  /** Shorten strings naming existing paths to 20 chars, as labels do. */
  shortenPaths?: boolean;
}

/** The VALUE of `NAME=VALUE`: display encoding, repr-quoted when it holds a space. */
export function formatFlagValue(v: FlagValue, options: FormatOptions = {}): string {
  if (options.truncateFloats && isFloat(v)) {
    return formatTruncatedFloat(v.value, options.truncateFloats === true ? LABEL_FLOAT_DECIMALS : options.truncateFloats);
  }
  let formatted = encodeFlagValue(v);
  if (options.shortenPaths && typeof v === "string" && isExistingPath(v)) formatted = shortenPath(v, LABEL_PATH_LEN);
  // Quoted so a label or trial line still reads as one assignment per value.
  const needsQuote = typeof v === "string" && formatted.includes(" ") && !"'\"".includes(formatted[0] ?? "'");
  return needsQuote ? pythonStrRepr(formatted) : formatted;
}

/** `NAME=VALUE` as in labels and trial lines (`msg='hello 1'`). */
export function formatFlagAssign(name: string, v: FlagValue, options: FormatOptions = {}): string {
  return `${name}=${formatFlagValue(v, options)}`;
}

/** Sorted `NAME=VALUE` list, null values skipped. */
export function formatFlagAssigns(flags: FlagMap, options: FormatOptions = {}): string[] {
  return Object.keys(flags)
    .sort(compareCodePoints)
    .filter((name) => flags[name] !== null && flags[name] !== undefined)
    .map((name) => formatFlagAssign(name, flags[name] ?? null, options));
}

/** A value as shown in a label: floats cut to 5 decimals, existing paths shortened. */
export function formatLabelValue(v: FlagValue): string {
  return formatFlagValue(v, { truncateFloats: true, shortenPaths: true });
}

/** How a value is passed as `--name VALUE` to a script for a flags-dest (`args`, `globals`, `global:NAME`). */
export function encodeFlagArg(v: FlagValue, dest: string): string {
  if (dest === "globals" || dest.startsWith("global:")) return formatFlagValue(v);
  if (v === true) return "1";
  if (v === false || v === null) return "";
  if (typeof v === "string") return v;
  return pformat(v);
}

/** A value as an environment variable (`FLAG_NAME`). */
export function encodeFlagEnv(v: FlagValue): string {
  if (v === true) return "1";
  if (v === false) return "0";
  if (v === null) return "";
  if (typeof v === "string") return v;
  return pformat(v);
}

/** A float's display spelling with its decimals cut (not rounded) to `decimals`: `0.333333`. */
export function formatTruncatedFloat(x: number, decimals: number): string {
  return truncateFloatText(yamlFloatRepr(x), decimals);
}

/** Each run of digits after a dot cut to `decimals`, without rounding (in `1.2345678e-05` only the `.2345678`). */
function truncateFloatText(s: string, decimals: number): string {
  // Called for every float of a compare table: a scan, not a regex replace.
  let dot = s.indexOf(".");
  if (dot < 0) return s;
  let out = "";
  let from = 0;
  while (dot >= 0) {
    let end = dot + 1;
    while (end < s.length && isDigit(s.charCodeAt(end))) end++;
    if (end - dot - 1 > decimals) {
      out += s.slice(from, dot + 1 + decimals);
      from = end;
    }
    dot = s.indexOf(".", end);
  }
  return from === 0 ? s : out + s.slice(from);
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

// Guild shortens only values that contain a path separator and exist.
function isExistingPath(s: string): boolean {
  return s.includes("/") && existsSync(s);
}
