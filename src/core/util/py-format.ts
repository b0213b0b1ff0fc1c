/**
 * Python's `fmt % value` for one (non-tuple) value, as label template
 * filters use it (`${x|%03d}`, `${lr|%.2e}`). Values follow the flag value
 * model: a bare integer is a Python int, `PyFloat` (or a non-integral number)
 * a float, booleans are ints for numeric conversions. Returns undefined
 * wherever Python raises (TypeError, ValueError, OverflowError), so the
 * caller can keep the value as Guild does. Widths and precisions past
 * `MAX_FORMAT_SIZE` fail with a GuildError.
 */
import { fail } from "../errors.js";
import { pythonRepr, pythonStr } from "../flags/py-repr.js";
import { isFlagMap, isFloat, type FlagValue } from "../flags/value.js";
import { exponentDigits, fixedDigits, generalDigits } from "./py-float-digits.js";

interface Spec {
  flags: string;
  width: number;
  precision: number | undefined;
  conv: string;
}

// After the `%`: flags, width, precision, an ignored length modifier, the conversion.
const SPEC = /^([-+ #0]*)(\d*)(?:\.(\d*))?[hlL]?(.)?/s;
const CONVERSIONS = "diouxXeEfFgGcrsa";

/**
 * Python pads to any width that fits in memory (`%999999999d` is a 1 GB
 * string) and raises only past 2**63 ("width too big"). A label that size is
 * never meant, and building it stalls or crashes the process, so widths and
 * precisions past this bound fail with our own error instead.
 */
export const MAX_FORMAT_SIZE = 10_000;

export function pyFormat(fmt: string, value: FlagValue): string | undefined {
  let out = "";
  let used = false;
  let i = 0;
  while (i < fmt.length) {
    const pct = fmt.indexOf("%", i);
    if (pct < 0) break;
    out += fmt.slice(i, pct);
    if (fmt[pct + 1] === "%") {
      out += "%";
      i = pct + 2;
      continue;
    }
    const m = SPEC.exec(fmt.slice(pct + 1)) as RegExpExecArray;
    const [whole, flags = "", width = "", precision, conv] = m;
    // A missing or unknown conversion is a ValueError; a second one, or a
    // `*` or `(key)` needing more arguments, a TypeError.
    if (conv === undefined || !CONVERSIONS.includes(conv) || used) return undefined;
    checkSize(fmt, "width", width);
    checkSize(fmt, "precision", precision);
    const text = convert({ flags, width: Number(width), precision: precision === undefined ? undefined : Number(precision), conv }, value);
    if (text === undefined) return undefined;
    out += text;
    used = true;
    i = pct + 1 + whole.length;
  }
  // "not all arguments converted", except that a mapping may go unused.
  if (!used && !isFlagMap(value)) return undefined;
  return out + fmt.slice(i);
}

function checkSize(fmt: string, what: string, digits: string | undefined): void {
  if (digits && Number(digits) > MAX_FORMAT_SIZE) {
    fail(`format '${fmt}': ${what} ${digits} is too big (at most ${MAX_FORMAT_SIZE})`);
  }
}

function convert(spec: Spec, value: FlagValue): string | undefined {
  switch (spec.conv) {
    case "s":
      return padText(truncate(pythonStr(value), spec.precision), spec);
    case "r":
      return padText(truncate(pythonRepr(value), spec.precision), spec);
    case "a":
      return padText(truncate(asciiEscape(pythonRepr(value)), spec.precision), spec);
    case "c":
      return charOf(value, spec);
    case "d":
    case "i":
    case "u":
    case "o":
    case "x":
    case "X":
      return formatInt(spec, value);
    default:
      return formatFloat(spec, value);
  }
}

/** Python's int for `%d` (floats truncate) or `%o/%x` (ints only); undefined if it raises. */
function intOf(value: FlagValue, conv: string): bigint | undefined {
  if (typeof value === "boolean") return value ? 1n : 0n;
  const floatValue = isFloat(value) ? value.value : typeof value === "number" && !Number.isInteger(value) ? value : undefined;
  if (floatValue !== undefined) {
    if (!"diu".includes(conv) || !Number.isFinite(floatValue)) return undefined;
    return BigInt(Math.trunc(floatValue));
  }
  return typeof value === "number" ? BigInt(value) : undefined;
}

function formatInt(spec: Spec, value: FlagValue): string | undefined {
  const n = intOf(value, spec.conv);
  if (n === undefined) return undefined;
  const radix = spec.conv === "o" ? 8 : "xX".includes(spec.conv) ? 16 : 10;
  let digits = (n < 0n ? -n : n).toString(radix);
  if (spec.conv === "X") digits = digits.toUpperCase();
  digits = digits.padStart(spec.precision ?? 0, "0");
  const prefix = spec.flags.includes("#") && radix !== 10 ? `0${spec.conv === "o" ? "o" : spec.conv}` : "";
  return padNumber(signOf(n < 0n, spec.flags) + prefix, digits, spec);
}

function formatFloat(spec: Spec, value: FlagValue): string | undefined {
  const x = isFloat(value) ? value.value : typeof value === "number" ? value : typeof value === "boolean" ? Number(value) : undefined;
  if (x === undefined) return undefined;
  const negative = x < 0 || Object.is(x, -0);
  const upper = spec.conv === spec.conv.toUpperCase();
  const body = upper ? floatBody(Math.abs(x), spec).toUpperCase() : floatBody(Math.abs(x), spec);
  return padNumber(signOf(negative, spec.flags), body, spec);
}

function floatBody(x: number, spec: Spec): string {
  if (Number.isNaN(x)) return "nan";
  if (x === Infinity) return "inf";
  const alt = spec.flags.includes("#");
  const conv = spec.conv.toLowerCase();
  if (conv === "e") return exponentDigits(x, spec.precision ?? 6, alt);
  if (conv === "g") return generalDigits(x, spec.precision, alt);
  return fixedDigits(x, spec.precision ?? 6, alt);
}

/** `%c`: an int in range as its character, or a one-character string. */
function charOf(value: FlagValue, spec: Spec): string | undefined {
  let ch: string | undefined;
  if (typeof value === "string") ch = [...value].length === 1 ? value : undefined;
  else if (typeof value === "boolean") ch = String.fromCodePoint(Number(value));
  else if (typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= 0x10ffff) ch = String.fromCodePoint(value);
  return ch === undefined ? undefined : padText(ch, spec);
}

function signOf(negative: boolean, flags: string): string {
  if (negative) return "-";
  if (flags.includes("+")) return "+";
  return flags.includes(" ") ? " " : "";
}

/** Width padding for numbers: `-` pads right, `0` pads between sign/prefix and digits. */
function padNumber(head: string, digits: string, spec: Spec): string {
  const fill = spec.width - head.length - digits.length;
  if (fill <= 0) return head + digits;
  if (spec.flags.includes("-")) return head + digits + " ".repeat(fill);
  if (spec.flags.includes("0")) return head + "0".repeat(fill) + digits;
  return " ".repeat(fill) + head + digits;
}

/** Width padding for text, counted in code points as Python's str is; `0` is ignored. */
function padText(text: string, spec: Spec): string {
  const fill = spec.width - [...text].length;
  if (fill <= 0) return text;
  return spec.flags.includes("-") ? text + " ".repeat(fill) : " ".repeat(fill) + text;
}

function truncate(text: string, precision: number | undefined): string {
  return precision === undefined ? text : [...text].slice(0, precision).join("");
}

/** Python `ascii()`: `repr()` with non-ASCII characters escaped. */
function asciiEscape(text: string): string {
  return text.replace(/[^\x00-\x7f]/gu, (ch) => {
    const code = ch.codePointAt(0) ?? 0;
    const hex = code.toString(16);
    if (code <= 0xff) return `\\x${hex.padStart(2, "0")}`;
    if (code <= 0xffff) return `\\u${hex.padStart(4, "0")}`;
    return `\\U${hex.padStart(8, "0")}`;
  });
}

/**
 * Python's ValueError message for a malformed format (`incomplete format`,
 * `unsupported format character ...`), which Guild logs as a warning;
 * undefined for a well-formed one.
 */
export function pyFormatError(fmt: string): string | undefined {
  for (let i = fmt.indexOf("%"); i >= 0; i = fmt.indexOf("%", i)) {
    if (fmt[i + 1] === "%") {
      i += 2;
      continue;
    }
    const [whole, , , , conv] = SPEC.exec(fmt.slice(i + 1)) as RegExpExecArray;
    if (conv === undefined) return "incomplete format";
    if (!CONVERSIONS.includes(conv)) {
      const code = (conv.codePointAt(0) ?? 0).toString(16);
      return `unsupported format character '${conv}' (0x${code}) at index ${i + whole.length}`;
    }
    i += 1 + whole.length;
  }
  return undefined;
}
