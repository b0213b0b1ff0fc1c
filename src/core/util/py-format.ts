/**
 * Python's `fmt % value` for one value, as label template filters use it
 * (`${lr|%.3f}`, `${n|%03d items}`): literal text and `%%` around exactly
 * one conversion. Returns undefined where Python raises a TypeError (the
 * value does not fit, or the format does not take exactly one value): Guild
 * then keeps the value as it is. A malformed format throws an Error named
 * `ValueError` with Python's message, which Guild logs.
 */
import { pythonRepr, pythonStr } from "../flags/py-repr.js";
import { isFloat, type FlagValue } from "../flags/value.js";

interface Spec {
  flags: string;
  width?: number;
  precision?: number;
  conv: string;
}

const SPEC = /%([-+ 0#]*)(\d+)?(?:\.(\d*))?(.?)/y;
const CONVERSIONS = "diouxXeEfFgGcrsa";

export function pyFormat(fmt: string, value: FlagValue): string | undefined {
  const parts: (string | Spec)[] = [];
  let i = 0;
  while (i < fmt.length) {
    const pct = fmt.indexOf("%", i);
    if (pct < 0) break;
    parts.push(fmt.slice(i, pct));
    if (fmt[pct + 1] === "%") {
      parts.push("%");
      i = pct + 2;
      continue;
    }
    const { spec, end } = parseSpec(fmt, pct);
    parts.push(spec);
    i = end;
  }
  parts.push(fmt.slice(i));
  const specs = parts.filter((p): p is Spec => typeof p !== "string");
  if (specs.length !== 1) return undefined;
  const converted = convert(specs[0] as Spec, value);
  if (converted === undefined) return undefined;
  return parts.map((p) => (typeof p === "string" ? p : converted)).join("");
}

function parseSpec(fmt: string, at: number): { spec: Spec; end: number } {
  SPEC.lastIndex = at;
  const m = SPEC.exec(fmt) as RegExpExecArray;
  const [whole, flags = "", width, precision, conv = ""] = m;
  if (!conv) throw valueError("incomplete format");
  if (!CONVERSIONS.includes(conv)) {
    const index = at + whole.length - 1;
    const code = conv.codePointAt(0)?.toString(16) ?? "0";
    throw valueError(`unsupported format character '${conv}' (0x${code}) at index ${index}`);
  }
  const spec: Spec = { flags, conv };
  if (width !== undefined) spec.width = Number(width);
  if (precision !== undefined) spec.precision = Number(precision || "0");
  return { spec, end: at + whole.length };
}

function valueError(message: string): Error {
  return Object.assign(new Error(message), { name: "ValueError" });
}

function convert(spec: Spec, value: FlagValue): string | undefined {
  if (spec.conv === "s") return pad(truncate(pythonStr(value), spec), spec, false);
  if (spec.conv === "r" || spec.conv === "a") return pad(truncate(pythonRepr(value), spec), spec, false);
  const n = typeof value === "boolean" ? (value ? 1 : 0) : typeof value === "number" ? value : isFloat(value) ? value.value : undefined;
  if (n === undefined) return undefined;
  const isInt = !isFloat(value);
  let body: string;
  if ("diu".includes(spec.conv)) body = Math.abs(Math.trunc(n)).toString();
  else if ("oxXc".includes(spec.conv)) {
    if (!isInt) return undefined;
    body = integerBody(n, spec);
  } else body = floatBody(Math.abs(n), spec);
  const negative = "diu".includes(spec.conv) ? Math.trunc(n) < 0 : n < 0 || (Object.is(n, -0) && !isInt);
  const sign = negative ? "-" : spec.flags.includes("+") ? "+" : spec.flags.includes(" ") ? " " : "";
  if (spec.conv === "c") return pad(body, spec, false);
  return pad(sign + body, spec, true);
}

function truncate(s: string, spec: Spec): string {
  return spec.precision === undefined ? s : s.slice(0, spec.precision);
}

function integerBody(n: number, spec: Spec): string {
  const abs = Math.abs(n);
  const alt = spec.flags.includes("#");
  switch (spec.conv) {
    case "o":
      return (alt ? "0o" : "") + abs.toString(8);
    case "x":
      return (alt ? "0x" : "") + abs.toString(16);
    case "X":
      return (alt ? "0X" : "") + abs.toString(16).toUpperCase();
    default:
      return String.fromCodePoint(n);
  }
}

function floatBody(x: number, spec: Spec): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? "nan" : "inf";
  const precision = spec.precision ?? 6;
  const upper = spec.conv === spec.conv.toUpperCase();
  let body: string;
  if (spec.conv === "e" || spec.conv === "E") body = exponential(x, precision);
  else if (spec.conv === "f" || spec.conv === "F") body = x.toFixed(precision);
  else body = general(x, precision === 0 ? 1 : precision, spec.flags.includes("#"));
  return upper ? body.toUpperCase() : body;
}

/** `1.234568e+04`: Python writes at least two exponent digits. */
function exponential(x: number, precision: number): string {
  return x.toExponential(precision).replace(/e([+-])(\d)$/, "e$10$2");
}

/** `%g`: exponential when the exponent is below -4 or at least the precision; trailing zeros dropped. */
function general(x: number, precision: number, keepZeros: boolean): string {
  const exp = x === 0 ? 0 : Number(x.toExponential(precision - 1).split("e")[1]);
  const body = exp < -4 || exp >= precision ? exponential(x, precision - 1) : x.toFixed(Math.max(0, precision - 1 - exp));
  if (keepZeros) return body;
  const [mantissa = "", exponent] = body.split("e");
  const trimmed = mantissa.includes(".") ? mantissa.replace(/0+$/, "").replace(/\.$/, "") : mantissa;
  return exponent === undefined ? trimmed : `${trimmed}e${exponent}`;
}

function pad(body: string, spec: Spec, numeric: boolean): string {
  const width = spec.width ?? 0;
  if (body.length >= width) return body;
  if (spec.flags.includes("-")) return body.padEnd(width);
  if (numeric && spec.flags.includes("0")) {
    const sign = /^[-+ ]/.test(body) ? body.charAt(0) : "";
    const prefix = /^[-+ ]?0[xXo]/.test(body) ? body.slice(sign.length, sign.length + 2) : "";
    const rest = body.slice(sign.length + prefix.length);
    return sign + prefix + rest.padStart(width - sign.length - prefix.length, "0");
  }
  return body.padStart(width);
}
